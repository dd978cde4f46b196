import { Random } from './random'

/**
 * A synthetic, deterministic corpus of company policies for ingest benchmarks: Markdown and HTML files
 * shaped like the demo corpus (title, metadata list, numbered sections, sub-sections, paragraphs, bullet and
 * numbered lists, tables; HTML with intranet navigation around an <article>). Sizes vary like real policy
 * folders: most files 3–10 KB, about one in seven a long handbook of 20–40 KB.
 */
export type SyntheticFile = { name: string; format: 'md' | 'html'; topic: string; bytes: Buffer }

export type CorpusOptions = { docs: number; seed: number; htmlShare?: number }

type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'list'; ordered: boolean; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }

type Topic = {
  name: string
  owner: string
  nouns: string[]
  systems: string[]
  sections: string[]
  tableHeader: string[]
}

const TOPICS: Topic[] = [
  {
    name: 'Travel and Expenses',
    owner: 'Head of Finance',
    nouns: ['flight', 'hotel night', 'per diem', 'receipt', 'taxi fare', 'rail ticket', 'meal allowance'],
    systems: ['ExpenseHub', 'the travel portal', 'the corporate card'],
    sections: ['Booking travel', 'Allowances', 'Receipts and claims', 'Corporate cards', 'Approvals'],
    tableHeader: ['Expense', 'Limit', 'Approver'],
  },
  {
    name: 'Paid Time Off and Leave',
    owner: 'Chief People Officer',
    nouns: [
      'vacation day',
      'sick day',
      'carry-over balance',
      'public holiday',
      'leave request',
      'sabbatical',
    ],
    systems: ['PeopleHub', 'the leave calendar', 'the HR service desk'],
    sections: ['Annual leave', 'Sick leave', 'Carry-over', 'Special leave', 'Requesting leave'],
    tableHeader: ['Leave type', 'Entitlement', 'Notice'],
  },
  {
    name: 'Information Security',
    owner: 'Chief Information Security Officer',
    nouns: ['password', 'laptop', 'security incident', 'access token', 'USB drive', 'phishing email'],
    systems: ['the password manager', 'the device management agent', 'the SOC hotline'],
    sections: [
      'Accounts and passwords',
      'Devices',
      'Reporting incidents',
      'Acceptable use',
      'Access reviews',
    ],
    tableHeader: ['Control', 'Requirement', 'Owner'],
  },
  {
    name: 'Remote and Hybrid Work',
    owner: 'Head of Workplace',
    nouns: ['anchor day', 'home office stipend', 'work-from-abroad day', 'co-working pass', 'core hour'],
    systems: ['PeopleHub', 'the desk booking app', 'Slack'],
    sections: [
      'Work arrangements',
      'Working hours',
      'Working abroad',
      'Equipment at home',
      'Team gatherings',
    ],
    tableHeader: ['Arrangement', 'Location', 'Attendance'],
  },
  {
    name: 'Data Retention',
    owner: 'Data Protection Officer',
    nouns: ['customer record', 'backup', 'log file', 'contract', 'personal data', 'legal hold'],
    systems: ['the records register', 'the archive bucket', 'the deletion queue'],
    sections: ['Retention periods', 'Legal holds', 'Deletion', 'Backups', 'Responsibilities'],
    tableHeader: ['Record type', 'Retention', 'System'],
  },
  {
    name: 'Procurement',
    owner: 'Head of Procurement',
    nouns: ['purchase order', 'supplier', 'quote', 'contract renewal', 'invoice', 'software licence'],
    systems: ['the procurement portal', 'the supplier register', 'the ERP'],
    sections: ['Buying thresholds', 'Choosing suppliers', 'Contracts', 'Invoices', 'Software purchases'],
    tableHeader: ['Spend', 'Quotes needed', 'Approver'],
  },
  {
    name: 'Parental Leave',
    owner: 'Head of Total Rewards',
    nouns: ['birth leave', 'adoption leave', 'paid week', 'return-to-work plan', 'keeping-in-touch day'],
    systems: ['PeopleHub', 'the benefits portal', 'payroll'],
    sections: [
      'Eligibility',
      'Paid leave',
      'Notifying your manager',
      'Returning to work',
      'Pay during leave',
    ],
    tableHeader: ['Country', 'Paid weeks', 'Top-up'],
  },
  {
    name: 'Code of Conduct',
    owner: 'General Counsel',
    nouns: ['gift', 'conflict of interest', 'bribe', 'complaint', 'side project', 'hospitality offer'],
    systems: ['the ethics hotline', 'the gifts register', 'the compliance mailbox'],
    sections: [
      'Our standards',
      'Gifts and hospitality',
      'Conflicts of interest',
      'Speaking up',
      'Consequences',
    ],
    tableHeader: ['Situation', 'Allowed', 'Declare to'],
  },
  {
    name: 'Incident Response',
    owner: 'Head of Site Reliability',
    nouns: ['severity level', 'on-call engineer', 'status page update', 'postmortem', 'pager alert'],
    systems: ['PagerDuty', 'the incident channel', 'the status page'],
    sections: ['Severity levels', 'Declaring an incident', 'Roles', 'Communication', 'Postmortems'],
    tableHeader: ['Severity', 'Response time', 'Escalation'],
  },
  {
    name: 'Learning and Development',
    owner: 'Head of Learning',
    nouns: ['learning budget', 'conference ticket', 'course', 'certification', 'study day', 'book'],
    systems: ['the learning portal', 'ExpenseHub', 'PeopleHub'],
    sections: ['Annual budget', 'Conferences', 'Certifications', 'Study leave', 'Claiming costs'],
    tableHeader: ['Item', 'Budget', 'Approval'],
  },
  {
    name: 'Equipment and Hardware',
    owner: 'Head of IT',
    nouns: ['laptop', 'monitor', 'headset', 'phone', 'docking station', 'replacement request'],
    systems: ['the IT service desk', 'the asset register', 'the device shop'],
    sections: [
      'Standard equipment',
      'Replacements',
      'Lost or stolen devices',
      'Returning equipment',
      'Repairs',
    ],
    tableHeader: ['Role', 'Laptop', 'Refresh cycle'],
  },
  {
    name: 'Performance Reviews',
    owner: 'Chief People Officer',
    nouns: ['review cycle', 'self-assessment', 'calibration', 'rating', 'goal', 'promotion case'],
    systems: ['PeopleHub', 'the goals tracker', 'the review form'],
    sections: ['Review cycle', 'Goals', 'Ratings', 'Calibration', 'Promotions'],
    tableHeader: ['Step', 'Due', 'Owner'],
  },
]

const ROLES = [
  'your manager',
  'the budget holder',
  'People Operations',
  'the Finance team',
  'the IT service desk',
]
const ROLES_TITLE = [
  'Manager',
  'Budget holder',
  'People Partner',
  'Finance',
  'Legal',
  'IT service desk',
  'CFO',
]
const AUDIENCES = [
  'all employees',
  'all permanent employees',
  'employees and contractors',
  'all staff in every country',
]
const OFFICES = ['Lisbon', 'Berlin', 'Austin', 'Toronto', 'Singapore']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'September', 'October', 'November']
const VERBS = ['submit', 'approve', 'record', 'review', 'report', 'request', 'keep', 'update']

/** "a" or "an" with the noun. */
const an = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`

function sentence(rng: Random, topic: Topic): string {
  const noun = rng.pick(topic.nouns)
  const other = rng.pick(topic.nouns)
  const system = rng.pick(topic.systems)
  const role = rng.pick(ROLES)
  const days = rng.int(2, 30)
  const amount = rng.int(2, 200) * 10
  const office = rng.pick(OFFICES)
  const templates = [
    `You must ${rng.pick(VERBS)} every ${noun} in ${system} within ${days} working days.`,
    `${an(noun).replace(/^a/, 'A')} above ${amount} EUR needs written approval from ${role} before you commit to it.`,
    `Employees in ${office} follow the local rules for each ${noun}, which ${role} publishes every year.`,
    `If ${an(noun)} cannot be handled in ${system}, contact ${role} and keep a copy of your request.`,
    `The company covers up to ${amount} EUR per ${noun}; anything beyond that is at your own cost unless ${role} agrees otherwise.`,
    `Each ${noun} is reviewed by ${role} at least once every ${days} days, and the outcome is recorded in ${system}.`,
    `Do not combine ${an(noun)} with ${an(other)} in the same request: ${system} handles them separately.`,
    `Exceptions to the rules on the ${noun} are rare, must be justified in writing and are logged in ${system}.`,
    `New joiners receive guidance on the ${noun} during onboarding and can ask ${role} at any time.`,
    `We review this section every ${rng.int(6, 24)} months so that the limits for the ${noun} stay fair across countries.`,
  ]
  return rng.pick(templates)
}

const paragraph = (rng: Random, topic: Topic, min = 2, max = 5) =>
  Array.from({ length: rng.int(min, max) }, () => sentence(rng, topic)).join(' ')

function listItem(rng: Random, topic: Topic): string {
  const noun = rng.pick(topic.nouns)
  return rng.pick([
    `Record the ${noun} in ${rng.pick(topic.systems)} on the same day.`,
    `Ask ${rng.pick(ROLES)} before changing ${an(noun)}.`,
    `Keep evidence for each ${noun} for ${rng.int(1, 10)} years.`,
    `${an(noun).replace(/^a/, 'A')} over ${rng.int(1, 50) * 100} EUR needs two approvals.`,
    `Report ${an(`lost ${noun}`)} within ${rng.int(1, 72)} hours.`,
    `Do not share ${an(noun)} outside the company.`,
  ])
}

function table(rng: Random, topic: Topic): Block {
  const rows = Array.from({ length: rng.int(3, 7) }, () => [
    rng.pick(topic.nouns).replace(/^./, (c) => c.toUpperCase()),
    rng.pick([
      `${rng.int(1, 90)} days`,
      `${rng.int(1, 300) * 10} EUR`,
      `${rng.int(1, 12)} per year`,
      'Not allowed',
    ]),
    rng.pick(ROLES_TITLE),
  ])
  return { kind: 'table', header: topic.tableHeader, rows }
}

function section(rng: Random, topic: Topic, number: number, title: string, long: boolean): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: `${number}. ${title}` }]
  blocks.push({ kind: 'para', text: paragraph(rng, topic) })
  if (rng.chance(0.5))
    blocks.push({
      kind: 'list',
      ordered: false,
      items: Array.from({ length: rng.int(3, 6) }, () => listItem(rng, topic)),
    })
  if (rng.chance(0.35)) blocks.push(table(rng, topic))
  if (rng.chance(0.3)) {
    blocks.push({ kind: 'para', text: `To ${rng.pick(VERBS)} ${an(rng.pick(topic.nouns))}:` })
    blocks.push({
      kind: 'list',
      ordered: true,
      items: Array.from({ length: rng.int(3, 5) }, () => listItem(rng, topic)),
    })
  }
  const subsections = long ? rng.int(1, 3) : rng.chance(0.3) ? 1 : 0
  for (let s = 1; s <= subsections; s++) {
    blocks.push({
      kind: 'heading',
      level: 3,
      text: `${number}.${s} ${rng.pick(topic.nouns).replace(/^./, (c) => c.toUpperCase())}`,
    })
    blocks.push({ kind: 'para', text: paragraph(rng, topic, 2, 6) })
    if (rng.chance(0.4)) blocks.push(table(rng, topic))
  }
  return blocks
}

function policyBlocks(rng: Random, topic: Topic, index: number): { title: string; blocks: Block[] } {
  const long = rng.chance(0.15)
  const title = `${topic.name} Policy${index >= TOPICS.length ? ` (${rng.pick(OFFICES)} ${index})` : ''}`
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title },
    {
      kind: 'list',
      ordered: false,
      items: [
        `Owner: ${topic.owner}`,
        `Applies to: ${rng.pick(AUDIENCES)}`,
        `Effective date: ${rng.int(1, 28)} ${rng.pick(MONTHS)} ${rng.int(2024, 2026)}`,
      ],
    },
  ]
  blocks.push(...section(rng, topic, 1, 'Purpose', false))
  const titles = long
    ? Array.from(
        { length: rng.int(10, 16) },
        (_, i) => `${rng.pick(topic.sections)}${i >= topic.sections.length ? ` (${i})` : ''}`,
      )
    : rng
        .distinctWeighted(
          topic.sections.map(() => 1),
          rng.int(2, 5),
        )
        .map((i) => topic.sections[i] ?? 'Rules')
  titles.forEach((t, i) => {
    blocks.push(...section(rng, topic, i + 2, t, long))
  })
  blocks.push(...section(rng, topic, titles.length + 2, 'Exceptions and contacts', false))
  return { title, blocks }
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

export function renderMarkdown(blocks: Block[]): string {
  const out: string[] = []
  for (const block of blocks) {
    if (block.kind === 'heading') out.push(`${'#'.repeat(block.level)} ${block.text}`)
    else if (block.kind === 'para') out.push(block.text)
    else if (block.kind === 'list')
      out.push(block.items.map((item, i) => (block.ordered ? `${i + 1}. ${item}` : `- ${item}`)).join('\n'))
    else {
      const row = (cells: string[]) => `| ${cells.join(' | ')} |`
      out.push([row(block.header), row(block.header.map(() => '---')), ...block.rows.map(row)].join('\n'))
    }
  }
  return `${out.join('\n\n')}\n`
}

export function renderHtml(title: string, blocks: Block[]): string {
  const body: string[] = []
  for (const block of blocks) {
    if (block.kind === 'heading') body.push(`<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`)
    else if (block.kind === 'para') body.push(`<p>${escapeHtml(block.text)}</p>`)
    else if (block.kind === 'list') {
      const tag = block.ordered ? 'ol' : 'ul'
      body.push(`<${tag}>\n${block.items.map((i) => `  <li>${escapeHtml(i)}</li>`).join('\n')}\n</${tag}>`)
    } else {
      const head = block.header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')
      const rows = block.rows.map((r) => `    <tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
      body.push(
        `<table>\n  <thead><tr>${head}</tr></thead>\n  <tbody>\n${rows.join('\n')}\n  </tbody>\n</table>`,
      )
    }
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escapeHtml(title)} | Intranet</title></head>`,
    '<body>',
    '<nav aria-label="Intranet"><a href="/">Intranet</a><ul><li><a href="/people">People</a></li><li><a href="/policies">Policies</a></li></ul></nav>',
    '<main><article>',
    ...body,
    '</article></main>',
    '<footer>Printed copies are uncontrolled. Check the intranet for the current version.</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** `docs` files, identical for the same seed. File names are unique (they become document slugs). */
export function generatePolicyCorpus(options: CorpusOptions): SyntheticFile[] {
  const rng = new Random(options.seed)
  const htmlShare = options.htmlShare ?? 0.3
  const files: SyntheticFile[] = []
  for (let i = 0; i < options.docs; i++) {
    const topic = TOPICS[i % TOPICS.length] ?? TOPICS[0]
    if (!topic) throw new Error('no topics')
    const { title, blocks } = policyBlocks(rng, topic, i)
    const format = rng.chance(htmlShare) ? 'html' : 'md'
    const text = format === 'html' ? renderHtml(title, blocks) : renderMarkdown(blocks)
    const name = `${String(i + 1).padStart(5, '0')}-${slug(topic.name)}.${format}`
    files.push({ name, format, topic: topic.name, bytes: Buffer.from(text, 'utf8') })
  }
  return files
}

export const corpusTopics = TOPICS.map((t) => t.name)
