import { htmlToBlocks } from '../src/parse/html.ts'
const html = `<!doctype html><html><head><title>Leave &amp; Absence</title><style>p{}</style></head>
<body><header><nav><a href="/">Home</a></nav><h1>Intranet</h1></header>
<main><header><h1>Leave Policy</h1></header>
<p>Employees   get <b>25</b>&nbsp;days.<br>Per year.</p>
<ul><li>First<ul><li>Nested <em>one</em></li></ul></li><li>Second</li></ul>
<ol start="3"><li>Three</li><li><p>Four</p></li></ol>
<table><thead><tr><th>Grade</th><th>Days</th></tr></thead><tbody><tr><td>A|B</td><td>25</td></tr><tr><td colspan="2">All</td></tr></tbody></table>
<div>Loose text <span>in div</span><div>inner div</div>tail</div>
<pre><code>line 1
  line 2</code></pre>
<script>alert(1)</script>
</main><footer>© Acme</footer></body></html>`
console.log(JSON.stringify(htmlToBlocks(html), null, 1))
