/**
 * HTTP/1.1 as programs (RFC 9112): the message codec, the image servers' default pages, and an
 * nginx-like reverse proxy and load balancer configured from {@code nginx.conf} text.
 */
package dev.dockwire.app.http;
