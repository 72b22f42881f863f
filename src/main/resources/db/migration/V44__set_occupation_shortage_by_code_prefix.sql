-- Shortage of labour by ISCO-08 code prefix, for the sectors RAR Sjælland names as short of labour (the same sectors V31
-- marked by hand on its selection). An occupation is marked when its code starts with one of the prefixes; the rule
-- and the reasoning behind each prefix are in docs/reference-data.md. Change the rule in a new migration.
WITH shortage_prefix (prefix, sector) AS (VALUES
  -- construction: all building trades, building electricians, earthmoving plant operators, construction labourers
  ('71', 'construction'), ('7411', 'construction'), ('8342', 'construction'), ('9312', 'construction'),
  ('9313', 'construction'),
  -- industry: metal and machinery trades (welders 7212, mechanics 7231/7233 …), mechanical and electro-mechanical
  -- technicians, stationary plant operators
  ('72', 'industry'), ('3115', 'industry'), ('7412', 'industry'), ('8189', 'industry'),
  -- social and health care: nurses, midwives, their associate professionals, personal care workers in health
  -- services, social work associate professionals
  ('2221', 'health'), ('2222', 'health'), ('3221', 'health'), ('3222', 'health'), ('532', 'health'),
  ('3412', 'health'),
  -- hotel and restaurant: chefs, cooks, waiters and bartenders, food preparation assistants
  ('3434', 'hotel and restaurant'), ('512', 'hotel and restaurant'), ('513', 'hotel and restaurant'),
  ('941', 'hotel and restaurant'),
  -- transport: heavy truck drivers, as marked in V31
  ('8332', 'transport')
)
UPDATE occupation o
SET shortage = EXISTS (SELECT 1 FROM shortage_prefix p WHERE o.code LIKE p.prefix || '%');
