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
export { ingestMarkdown, type TestDocument } from './ingest'
export { installNetworkGuard, type NetworkGuard } from './network-guard'
