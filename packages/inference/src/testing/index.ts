export {
  echoFirstSource,
  type FakeBehaviour,
  type FakeOpenAIServer,
  type FakeOpenAIServerOptions,
  type FakeUsage,
  fakeVector,
  type RecordedRequest,
  startFakeOpenAIServer,
} from './fake-openai-server'
export {
  type FakeRerankBehaviour,
  type FakeRerankFlavour,
  type FakeRerankServer,
  type FakeRerankServerOptions,
  type RecordedRerankRequest,
  startFakeRerankServer,
  termOverlap,
} from './fake-rerank-server'
export { ingestMarkdown, type TestDocument } from './ingest'
export { installNetworkGuard, type NetworkGuard } from './network-guard'
