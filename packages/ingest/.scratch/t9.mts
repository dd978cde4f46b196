import { parseMarkdown } from '../src/parse/markdown.ts'
const md = `---
title: "Remote Work Policy"
owner: HR
---

# Remote work

Employees **may** work from home up to *three* days
per week, see [the form](https://x.y/form?a=(1)) and \`HR-12\`.
Use snake_case_names and 5 * 3 * 2 maths, escaped \\*star\\*.

Setext Heading
--------------

- Item one
- Item two
  continued here
  - Nested _a_
    1. Deep ordered

- After blank
* Star item

1. First
2. Second

| Role | Days |
| :--- | ---: |
| **Staff** | 3 |
| Manager \\| Lead | 2 |

\`\`\`yaml
key: value
  indented: true
\`\`\`

> Quoted text
> continues here.
>
> ### Quote heading

![Org chart](chart.png)

Συμβάσεις εργασίας και 就業規則 apply.
***
Final line <br> with tag <span class="x">span</span>.
`
console.log(JSON.stringify(parseMarkdown(md), null, 1))
