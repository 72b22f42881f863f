-- A complaint is anonymised 5 years after the candidate's case was closed: what the candidate said, the decision it
-- was about, the reasons and the candidate go (candidate_id 0 is no candidate); the team, channel, dates, category,
-- themes, outcome and the appeals result stay for the statistics of complaints and learning.
ALTER TABLE complaint ADD COLUMN anonymised_on DATE;
