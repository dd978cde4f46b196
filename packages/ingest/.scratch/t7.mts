import domino from '@mixmark-io/domino'
const d = domino.createDocument('<table><tr><td>Grade</td><td>Days</td></tr></table>', true)
const t = d.querySelector('table')
const n = t?.childNodes[0]
console.log(n?.nodeType, n && 'tagName' in n, n?.nodeName, Object.getPrototypeOf(n))
