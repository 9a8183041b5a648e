import type { FastifyReply } from 'fastify'

/**
 * Send an answer already serialized with the route's response schema (query/answers.ts), with the
 * content type Fastify gives the JSON it serializes itself; a string body with a JSON type is sent as is.
 */
export function sendSerialized(reply: FastifyReply, json: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json)
}
