// Styles play no part in component behaviour under jsdom.
module.exports = {}
