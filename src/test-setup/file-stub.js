// Images resolve to their file name, which is enough to assert which picture a component chose.
module.exports = 'test-file-stub.png'
