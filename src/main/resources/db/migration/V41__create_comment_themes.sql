-- Themes on the candidates' free-text survey comments, beside the themes on complaints, so learning sees both.
-- The comment stays anonymous: only the answer's random id is kept here.
CREATE TABLE comment_theme (
  answer_id UUID NOT NULL,
  theme     TEXT NOT NULL CHECK (theme ~ '^[a-zæøå0-9 -]{2,40}$'),
  tagged_by TEXT NOT NULL,
  PRIMARY KEY (answer_id, theme)
);
