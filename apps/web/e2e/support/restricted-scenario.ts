import { type APIRequestContext, expect } from '@playwright/test'

/**
 * The story the route × role test checks every surface against: an hr member asks about the hr-only
 * `compensation-bands` sample, rates the answer; an admin corrects it citing the hr passage, promotes it
 * to a curated answer, exports the log and (while in the hr group) a fine-tuning dataset that includes
 * it. The same hr member then asks a harmless question in the same conversation: an answer analysts may
 * see, whose conversation context holds the hidden turn.
 */

export type SignedInRole = 'employee' | 'analyst' | 'hr' | 'admin'

export type Scenario = {
  /** A word only this run's hr question contains: searching the log for it finds that answer. */
  runId: string
  /** Only the hr member ever asked this (the run id makes it unique in a shared database). */
  hrQuestion: string
  /** Text nobody outside the hr group (and admins) may ever receive. */
  restricted: string[]
  ids: {
    hrTrace: string
    visibleTrace: string
    hrConversation: string
    hrDocument: string
    hrVersion: string
    curated: string
    dataset: string
    adminUser: string
    employeeUser: string
    hrGroup: string
    /** A well-formed id of nothing: for calls that would change real data. */
    unknown: string
  }
}

type ChatFinal = {
  traceId: string
  conversationId: string
  abstained: boolean
  citations: { documentId: string; versionId: string; chunkId: string; title: string }[]
}

/** The `final` event of a chat SSE stream. */
export function finalEvent(body: string): ChatFinal {
  const line = body.split('event: final\ndata: ')[1]?.split('\n')[0]
  if (!line) throw new Error(`no final event in the stream: ${body.slice(0, 300)}`)
  return JSON.parse(line) as ChatFinal
}

async function ok(response: ReturnType<APIRequestContext['get']>, status = 200) {
  const r = await response
  expect(r.status(), `${r.url()}: ${(await r.text()).slice(0, 300)}`).toBe(status)
  return r
}

export async function buildRestrictedScenario(
  as: Record<SignedInRole, APIRequestContext>,
  runId: string,
): Promise<Scenario> {
  // Distinct wording (never asked by other specs), answered from the hr-only bands table.
  const hrQuestion = `What is the Lisbon salary band of an L3 Senior engineer? (#${runId})`
  const asked = finalEvent(
    await (await ok(as.hr.post('/api/chat', { data: { message: hrQuestion } }))).text(),
  )
  const bands = asked.citations.find((c) => c.title.startsWith('Compensation Bands'))
  expect(bands, 'the hr member’s answer cites the hr-only document').toBeDefined()
  if (!bands) throw new Error('unreachable')

  await ok(
    as.hr.post('/api/feedback', { data: { traceId: asked.traceId, rating: 'down', comment: 'L3 band?' } }),
  )
  await ok(
    as.admin.put(`/api/review/answers/${asked.traceId}/review`, {
      data: {
        verdict: 'corrected',
        correctedAnswer: 'The L3 Senior band in Lisbon is EUR 46,000 to EUR 64,000 a year [1].',
        citedChunkIds: [bands.chunkId],
        labels: [],
      },
    }),
  )
  const promoted = await ok(as.admin.post(`/api/review/answers/${asked.traceId}/promote`), 201)
  const curated = ((await promoted.json()) as { curatedAnswerId: string }).curatedAnswerId
  const exported = await ok(as.admin.get(`/api/review/export?format=jsonl&q=${encodeURIComponent(runId)}`))
  expect(await exported.text()).toContain(hrQuestion)

  // The hr member goes on in the same conversation with a question about a shared policy.
  const visible = finalEvent(
    await (
      await ok(
        as.hr.post('/api/chat', {
          data: { message: 'How do I request time off in PeopleHub?', conversationId: asked.conversationId },
        }),
      )
    ).text(),
  )

  const adminUser = ((await (await ok(as.admin.get('/api/me'))).json()) as { user: { id: string } }).user.id
  const employeeUser = ((await (await ok(as.employee.get('/api/me'))).json()) as { user: { id: string } })
    .user.id
  const groups = (await (await ok(as.admin.get('/api/admin/groups'))).json()) as {
    groups: { id: string; name: string }[]
  }
  const hrGroup = groups.groups.find((g) => g.name === 'hr')?.id ?? ''
  // Datasets hold what the EXPORTER's groups may read: the admin joins hr for the export, then leaves.
  await ok(as.admin.post(`/api/admin/users/${adminUser}/groups`, { data: { groupId: hrGroup } }), 201)
  let dataset: string
  try {
    const created = await ok(
      as.admin.post('/api/review/datasets', {
        data: {
          name: `route-access-${runId}`,
          verdicts: ['corrected'],
          since: new Date().toISOString().slice(0, 10),
          validationShare: 0,
        },
      }),
      201,
    )
    dataset = ((await created.json()) as { id: string }).id
  } finally {
    await ok(as.admin.delete(`/api/admin/users/${adminUser}/groups/${hrGroup}`), 204)
  }

  return {
    runId,
    hrQuestion,
    restricted: [
      hrQuestion,
      '46,000',
      '55,000 / 64,000',
      '14 instalments',
      'Compensation Bands',
      'compa-ratio',
    ],
    ids: {
      hrTrace: asked.traceId,
      visibleTrace: visible.traceId,
      hrConversation: asked.conversationId,
      hrDocument: bands.documentId,
      hrVersion: bands.versionId,
      curated,
      dataset,
      adminUser,
      employeeUser,
      hrGroup,
      unknown: '00000000-0000-4000-8000-000000000000',
    },
  }
}
