/**
 * Applies database/*.json to a cloud environment. WeChat's HTTP API can create collections and
 * indexes (tcb/databasecollectionadd, tcb/updateindex; needs the AppSecret for an access token); no
 * API sets a collection's permission rule, so that part is always a generated console checklist.
 */
import type { CollectionSpec } from '../db-schema'

export interface ApiCall {
  title: string
  path: 'tcb/databasecollectionadd' | 'tcb/updateindex'
  body: Record<string, unknown>
}

export interface DatabasePlan {
  calls: ApiCall[]
  checklist: string[]
}

const CONSOLE = '微信开发者工具 → 云开发 → 数据库'

function indexStep(coll: string, index: CollectionSpec['indexes'][number]): string {
  const fields = index.fields.map((f) => `${f.field} ${f.order === 'asc' ? '升序' : '降序'}`).join('，')
  return (
    `${CONSOLE} → 集合 ${coll} → 索引管理 → 添加索引：索引名称 ${index.name}，索引属性 ` +
    `${index.unique ? '唯一' : '非唯一'}，索引字段 ${fields} → 确定`
  )
}

/** With an AppSecret the API calls do what they can; the checklist holds the rest, in console words. */
export function databasePlan(schema: Map<string, CollectionSpec>, envId: string, withApi: boolean): DatabasePlan {
  const calls: ApiCall[] = []
  const checklist: string[] = []
  for (const spec of schema.values()) {
    const coll = spec.collection
    if (withApi) {
      calls.push({
        title: `create collection ${coll}`,
        path: 'tcb/databasecollectionadd',
        body: { env: envId, collection_name: coll },
      })
      for (const index of spec.indexes) {
        calls.push({
          title: `index ${coll}.${index.name}${index.unique ? ' (unique)' : ''}`,
          path: 'tcb/updateindex',
          body: {
            env: envId,
            collection_name: coll,
            create_indexes: [
              {
                name: index.name,
                unique: index.unique ?? false,
                keys: index.fields.map((f) => ({ name: f.field, direction: f.order === 'asc' ? '1' : '-1' })),
              },
            ],
            drop_indexes: [],
          },
        })
      }
    } else {
      checklist.push(`${CONSOLE} → 「+」创建集合：${coll}（已存在则跳过）`)
      for (const index of spec.indexes) checklist.push(indexStep(coll, index))
    }
    checklist.push(
      `${CONSOLE} → 集合 ${coll} → 数据权限 → 自定义安全规则 → 填入 ${JSON.stringify(spec.permission)} → 保存` +
        `（${spec.permission.read === false && spec.permission.write === false ? '小程序端不可读写，云函数不受影响' : '见 database/' + coll + '.json'}）`,
    )
  }
  return { calls, checklist }
}

async function post(
  url: string,
  body: unknown,
): Promise<{ errcode?: number; errmsg?: string } & Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return (await res.json()) as { errcode?: number; errmsg?: string }
}

/** Runs the plan's API calls; an "already exists" answer counts as done, so a second deploy is harmless. */
export async function applyDatabase(
  plan: DatabasePlan,
  appid: string,
  secret: string,
  log: (line: string) => void,
): Promise<void> {
  const token = await post('https://api.weixin.qq.com/cgi-bin/stable_token', {
    grant_type: 'client_credential',
    appid,
    secret,
  })
  if (typeof token.access_token !== 'string') throw new Error(`access token refused: ${token.errcode} ${token.errmsg}`)
  for (const call of plan.calls) {
    const reply = await post(`https://api.weixin.qq.com/${call.path}?access_token=${token.access_token}`, call.body)
    if (!reply.errcode) log(`  ✓ ${call.title}`)
    else if (/exist/i.test(reply.errmsg ?? '')) log(`  ✓ ${call.title} (already there)`)
    else throw new Error(`${call.title}: ${reply.errcode} ${reply.errmsg}`)
  }
}
