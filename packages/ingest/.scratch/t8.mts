import { htmlToBlocks } from '../src/parse/html.ts'
console.log(JSON.stringify(htmlToBlocks('<table><tr><td>Grade</td><td>Days</td></tr></table>')))
