package dk.vaerdig.casework.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.IntegrationTest;

/**
 * The contact rule and target group that apply on a day, now answered from a copy in memory, agree with the database
 * for every target group on days around the reform's dates.
 */
@IntegrationTest
class TimelinessRulesIntegrationTest {

	@Autowired
	Timeliness timeliness;

	@Autowired
	TargetGroups targetGroups;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theRuleOfADayIsTheOneTheDatabaseWouldChoose() {
		List<String> codes = jdbc.sql("SELECT code FROM target_group ORDER BY code").query(String.class).list();
		List<LocalDate> days = List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 6, 30), LocalDate.of(2026, 7, 1),
				LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1), LocalDate.of(2030, 5, 5));
		int withRule = 0;
		for (String code : codes) {
			for (LocalDate day : days) {
				Optional<Long> expected = jdbc.sql("""
						SELECT id FROM contact_rule
						WHERE target_group_code = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)
						ORDER BY valid_from DESC LIMIT 1""").params(code, day, day).query(Long.class).optional();
				assertThat(timeliness.ruleOn(code, day).map(Timeliness.ContactRule::id)).as(code + " on " + day)
					.isEqualTo(expected);
				withRule += expected.isPresent() ? 1 : 0;
			}
			assertThat(targetGroups.find(code)).map(TargetGroups.TargetGroup::code).contains(code);
		}
		assertThat(withRule).isGreaterThan(codes.size()); // the data has rules on several of the days
		assertThat(timeliness.ruleOn("NO-SUCH-GROUP", LocalDate.of(2026, 7, 1))).isEmpty();
		assertThat(targetGroups.find("NO-SUCH-GROUP")).isEmpty();
	}

	@Test
	void theRulesChangeOnTheFirstOfJuly2026ForSomeGroups() {
		long changed = jdbc.sql("SELECT DISTINCT target_group_code FROM contact_rule WHERE valid_from = DATE '2026-07-01'")
			.query(String.class)
			.list()
			.stream()
			.filter(code -> !timeliness.ruleOn(code, LocalDate.of(2026, 6, 30))
				.equals(timeliness.ruleOn(code, LocalDate.of(2026, 7, 1))))
			.count();
		assertThat(changed).isPositive();
	}
}
