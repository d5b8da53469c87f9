// Component tests render the H5 flavour: no WeChat-only buttons, dev identity from localStorage.
process.env.TARO_ENV = 'h5'
