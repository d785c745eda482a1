export { Attachments } from './Attachments';
export { useUploads } from './use-uploads';
export { checkFile, MAX_ATTACHMENT_BYTES } from './attachment-rules';
