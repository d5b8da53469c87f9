import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { confirm } from '@/utils/feedback'
import { ROUTES } from '@/utils/routes'

interface IndustryList {
  /** The industry the list is filtered by; '' when off. */
  forIndustry: string
  selectIndustry: (industry: string) => void
}

/**
 * 适合我的行业 as a toggle over the course list. The industry comes from the worker's profile, so a
 * worker without one is offered the profile page, and finds the toggle on when they come back with one.
 * `myIndustry` is undefined while the session is (re)loading, e.g. just after a profile save: the filter
 * then waits instead of taking "no industry" for an answer.
 */
export function useIndustryFilter(list: IndustryList, myIndustry: string | null | undefined) {
  const { forIndustry, selectIndustry } = list
  // Set when the worker went to the profile page to pick an industry for this toggle.
  const wanted = useRef(false)

  useEffect(() => {
    if (myIndustry === undefined) return
    if (wanted.current && myIndustry) {
      wanted.current = false
      selectIndustry(myIndustry)
    } else if (forIndustry && forIndustry !== myIndustry) {
      // The profile changed (or lost its industry) while the filter was on: follow it.
      selectIndustry(myIndustry ?? '')
    }
  }, [forIndustry, myIndustry, selectIndustry])

  const toggle = async () => {
    if (forIndustry) return selectIndustry('')
    if (myIndustry === undefined) return
    if (myIndustry) return selectIndustry(myIndustry)
    const go = await confirm(
      '先选择您的行业',
      '在个人信息里选好您所在的行业，就能只看适合您的课程。',
      '去选择',
      '以后再说',
    )
    if (!go) return
    wanted.current = true
    void Taro.navigateTo({ url: ROUTES.profile })
  }

  return { mine: !!forIndustry, toggle }
}
