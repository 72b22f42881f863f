-- The first day a window may list its person as at risk of the 75 % rule (casework/internal/ReformRiskStart: the day
-- the list's own question first says yes, moved three weeks earlier), kept with the window, so the list of persons at
-- risk reads by index only the windows in progress that may be at risk today, not every window near its end. Null:
-- at risk on none of its days. The list asks its exact question again of each row it reads. Filled as V204 has every
-- candidate worked out again.
ALTER TABLE reform_window ADD COLUMN at_risk_from DATE;
CREATE INDEX reform_window_at_risk_idx ON reform_window (window_end, at_risk_from) WHERE at_risk_from IS NOT NULL;
