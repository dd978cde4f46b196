import domino from '@mixmark-io/domino'
const d = domino.createDocument('<html><head><title>Hi &amp; there</title></head><body><p>x</p></body></html>', true)
console.log(d.title)
