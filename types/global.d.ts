/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | undefined
    /** Cloud environment id for the weapp build; set in .env, never committed. */
    TARO_APP_CLOUD_ENV?: string
  }
}
