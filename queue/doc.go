// Package queue is a durable work queue of articles on NATS JetStream,
// between the readers (ingest, watch) that publish articles and the
// workers that code and store them.
//
// Articles are published to one stream with work-queue retention: a
// message stays until a worker acknowledges it, after the document is
// committed. Each message carries the article as JSON (see [Encode]) and
// a Nats-Msg-Id derived from its [dateline.DocKey] ([MsgID]), so the server
// drops an article published twice within the duplicate window; a worker
// also skips what its store already holds, so a redelivered article is
// never stored twice. A message that cannot be decoded, or fails
// [Worker.MaxDeliver] times, goes to the dead-letter stream with the
// reason in its headers.
//
// The package knows nothing of the pipeline's stages: a [Worker] runs the
// [dateline.Pipeline] and [dateline.Store] it is given.
package queue
