-- Rate limits shared by every app node: one Bucket4j token bucket per key (the public pages per client address, the
-- login per user name and per client address), kept by Bucket4j's PostgreSQL proxy manager (row lock per key).
-- state: Bucket4j's serialised bucket; expires_at: epoch milliseconds after which a full bucket can be forgotten
-- (RateLimits removes expired rows in batches).
CREATE TABLE rate_limit_bucket (
  id         TEXT   PRIMARY KEY,
  state      BYTEA,
  expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
