-- Min side, part 2 (issue 13): what the candidate does on their own pages, recorded as theirs.
-- The new tables go with the case file: their rows are deleted with the meeting, offer or candidate they belong to
-- (ON DELETE CASCADE), so the retention jobs need no change.

-- Who decided an offer: 'kandidaten' when the candidate chose on Min side, else the member of staff who recorded it;
-- a later change by staff keeps who changed it, when and why (the history is in offer_choice).
ALTER TABLE offer ADD COLUMN decided_by TEXT;
ALTER TABLE offer ADD COLUMN changed_by TEXT;
ALTER TABLE offer ADD COLUMN changed_at TIMESTAMPTZ;
ALTER TABLE offer ADD COLUMN change_reason TEXT;
ALTER TABLE offer ADD COLUMN version INT NOT NULL DEFAULT 0;

-- Every choice between offers and every change of one, never overwritten. offer_id is null where the candidate asked
-- for something else than the offers put forward; request_id makes a repeated submission count once.
CREATE TABLE offer_choice (
  id            BIGSERIAL PRIMARY KEY,
  candidate_id  BIGINT NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  offer_id      BIGINT REFERENCES offer (id) ON DELETE CASCADE,
  status        TEXT NOT NULL CHECK (status IN ('CHOSEN', 'NOT_CHOSEN', 'DECLINED')),
  reason        TEXT NOT NULL,
  decided_by    TEXT NOT NULL,
  decided_at    TIMESTAMPTZ NOT NULL,
  changed_from  TEXT,
  change_reason TEXT,
  request_id    UUID UNIQUE,
  CHECK (changed_from IS NULL OR change_reason IS NOT NULL)
);
CREATE INDEX offer_choice_candidate_idx ON offer_choice (candidate_id, decided_at DESC);

-- The candidate's own items for their next meeting ("det vil jeg gerne tale om"), and what was answered at it.
-- meeting_id is null until a meeting is planned; an item deleted by the candidate is kept with deleted_at.
CREATE TABLE meeting_agenda_item (
  id           BIGSERIAL PRIMARY KEY,
  candidate_id BIGINT NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  meeting_id   BIGINT REFERENCES meeting (id) ON DELETE CASCADE,
  text         TEXT NOT NULL,
  added_at     TIMESTAMPTZ NOT NULL,
  changed_at   TIMESTAMPTZ,
  deleted_at   TIMESTAMPTZ,
  answer       TEXT,
  answered_by  TEXT,
  answered_at  TIMESTAMPTZ,
  request_id   UUID UNIQUE,
  version      INT NOT NULL DEFAULT 0
);
CREATE INDEX meeting_agenda_item_candidate_idx ON meeting_agenda_item (candidate_id, meeting_id);

-- The candidate's own mark that they have done an agreement, with a short note; the caseworker closes it.
ALTER TABLE agreement ADD COLUMN candidate_done_at TIMESTAMPTZ;
ALTER TABLE agreement ADD COLUMN candidate_done_note TEXT;

-- A wish for a new caseworker sent from Min side counts once however often the form is sent.
ALTER TABLE caseworker_change_request ADD COLUMN request_id UUID UNIQUE;

-- A complaint started on Min side counts once however often the form is sent.
ALTER TABLE complaint ADD COLUMN request_id UUID UNIQUE;

-- What the candidate did on Min side and what staff changed of it, for the case's timeline: one line per action,
-- the actor 'kandidaten' for the candidate's own (never a member of staff's name), a user name for staff.
CREATE TABLE candidate_action (
  id           BIGSERIAL PRIMARY KEY,
  candidate_id BIGINT NOT NULL REFERENCES candidate (id) ON DELETE CASCADE,
  at           TIMESTAMPTZ NOT NULL,
  kind         TEXT NOT NULL CHECK (kind ~ '^[A-Z_]{3,40}$'),
  text         TEXT,
  actor        TEXT NOT NULL
);
CREATE INDEX candidate_action_candidate_idx ON candidate_action (candidate_id, at DESC);
