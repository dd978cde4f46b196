export { FEEDBACK_ACTION, formatSlackReply, slackEscape, slackReplyMessage } from './reply'
export { createSlackApp, type SlackAppOptions } from './slack-app'
