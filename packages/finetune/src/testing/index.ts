export {
  type FakeFailure,
  type FakeFineTuneOptions,
  type FakeFineTuneServer,
  type FakeRoute,
  startFakeFineTuneServer,
} from './fake-finetune-server'
