-- ShedLock: a scheduled job takes its row here before it runs, so that of several app nodes only one runs it at a
-- time (the others skip that run). Times are UTC from the database's clock (JdbcTemplateLockProvider.usingDbTime).
CREATE TABLE shedlock (
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP    NOT NULL,
  locked_at  TIMESTAMP    NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
);
