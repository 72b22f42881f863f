-- The reform's rules as dated data (LOV nr 1750 af 29/12/2025, from 1 July 2026), beside the contact rules (V3/V4):
-- the numbers that hold for the whole municipality (the 25 % ceiling on exemptions, the 75 % floor on held job
-- conversations, the window of the first 6 months, how many working days before the window's end a person is at
-- risk) in reform_rule, and per target group whether it belongs to the group that may be exempted and how many job
-- conversations it must have in its window in reform_group_rule. Before 1 July 2026 there is no row: no 25/75 rule.
CREATE TABLE reform_rule (
  id                        BIGSERIAL PRIMARY KEY,
  valid_from                DATE NOT NULL,
  valid_to                  DATE,
  exemption_ceiling_percent INT NOT NULL CHECK (exemption_ceiling_percent BETWEEN 0 AND 100),
  conversation_floor_percent INT NOT NULL CHECK (conversation_floor_percent BETWEEN 0 AND 100),
  window_months             INT NOT NULL CHECK (window_months > 0),
  risk_working_days         INT NOT NULL CHECK (risk_working_days >= 0),
  sick_leave_max_weeks      INT NOT NULL CHECK (sick_leave_max_weeks > 0),
  legal_basis               TEXT NOT NULL,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);

CREATE TABLE reform_group_rule (
  id                          BIGSERIAL PRIMARY KEY,
  target_group_code           TEXT NOT NULL REFERENCES target_group (code),
  valid_from                  DATE NOT NULL,
  valid_to                    DATE,
  in_exemption_group          BOOLEAN NOT NULL,
  -- null: the group is not under the 75 % rule
  required_conversations      INT CHECK (required_conversations > 0),
  first_conversation_required BOOLEAN NOT NULL,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX reform_group_rule_group_idx ON reform_group_rule (target_group_code, valid_from);

INSERT INTO reform_rule (valid_from, valid_to, exemption_ceiling_percent, conversation_floor_percent, window_months,
                         risk_working_days, sick_leave_max_weeks, legal_basis) VALUES
  ('2026-07-01', '2027-01-01', 25, 75, 6, 10, 26, 'LAB, som ændret ved LOV nr 1750 af 29/12/2025'),
  ('2027-01-01', NULL,         25, 75, 6, 10, 26, 'Ny hovedlov for beskæftigelsesindsatsen (2027)');

-- Until 2027: dagpenge (LAB01, 2 conversations at the municipality in the first 6 months; the first conversations
-- are at the a-kasse, so no first conversation at the municipality is required), job-ready kontanthjælp (LAB02, 4,
-- and the first conversation), education-ready uddannelseshjælp (LAB04: may be exempted, not under the 75 % rule),
-- ledighedsydelse (LAB06, 4; not job-ready in the law's sense, so no first-conversation requirement and no
-- exemption). From 2027 the five new groups: every cash-benefit recipient starts as job-ready (G2027_JOBPARAT, 4 and
-- the first conversation); the new law's numbers per group are an assumption until its executive order is out.
INSERT INTO reform_group_rule (target_group_code, valid_from, valid_to, in_exemption_group, required_conversations,
                               first_conversation_required) VALUES
  ('LAB01', '2026-07-01', '2027-01-01', TRUE,  2,    FALSE),
  ('LAB02', '2026-07-01', '2027-01-01', TRUE,  4,    TRUE),
  ('LAB04', '2026-07-01', '2027-01-01', TRUE,  NULL, FALSE),
  ('LAB06', '2026-07-01', '2027-01-01', FALSE, 4,    FALSE),
  ('G2027_JOBPARAT', '2027-01-01', NULL, TRUE, 4,    TRUE);

-- A change of a candidate's target group (a new benefit), from a day; candidate.target_group_code is the group now.
-- The automatic change of 1 January 2027 (target_group.successor_code) is no row here: it is read from target_group.
CREATE TABLE target_group_change (
  id           BIGSERIAL PRIMARY KEY,
  candidate_id BIGINT NOT NULL REFERENCES candidate (id),
  from_code    TEXT NOT NULL REFERENCES target_group (code),
  to_code      TEXT NOT NULL REFERENCES target_group (code),
  changed_on   DATE NOT NULL,
  recorded_by  TEXT NOT NULL,
  recorded_at  TIMESTAMPTZ NOT NULL,
  CHECK (from_code <> to_code)
);
CREATE INDEX target_group_change_candidate_idx ON target_group_change (candidate_id, changed_on);
CREATE INDEX target_group_change_day_idx ON target_group_change (changed_on);

-- The exemption register: from job conversations and/or offers in the first 6 months (counted against the 25 %
-- ceiling), or from municipal follow-up while on sick leave from a job, expected back within 26 weeks.
CREATE TABLE reform_exemption (
  id            BIGSERIAL PRIMARY KEY,
  candidate_id  BIGINT NOT NULL REFERENCES candidate (id),
  kind          TEXT NOT NULL CHECK (kind IN ('CONVERSATIONS', 'OFFERS', 'CONVERSATIONS_AND_OFFERS', 'SICK_LEAVE')),
  reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  starts_on     DATE NOT NULL,
  -- the last day; for sick leave the day before the expected return
  ends_on       DATE NOT NULL,
  expected_back DATE,
  created_by    TEXT NOT NULL,
  created_at    TIMESTAMPTZ NOT NULL,
  request_id    UUID NOT NULL UNIQUE,
  ended_on      DATE,
  end_reason    TEXT,
  ended_by      TEXT,
  ended_at      TIMESTAMPTZ,
  version       INT NOT NULL DEFAULT 0,
  CHECK (ends_on >= starts_on),
  CHECK (kind <> 'SICK_LEAVE' OR expected_back IS NOT NULL),
  CHECK (ended_on IS NULL OR ended_on >= starts_on - 1)
);
CREATE INDEX reform_exemption_candidate_idx ON reform_exemption (candidate_id, starts_on);
CREATE INDEX reform_exemption_period_idx ON reform_exemption (starts_on, ends_on);
