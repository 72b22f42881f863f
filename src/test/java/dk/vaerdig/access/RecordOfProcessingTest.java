package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.ClassUtils;

import dk.vaerdig.IntegrationTest;

/**
 * docs/record-of-processing.md stays in step with the retention rules: every rule in force today has a row in its
 * retention table with the same period, the module that applies it and what happens then, and no row is there
 * without a rule.
 */
@IntegrationTest
class RecordOfProcessingTest {

	static final Path DOCUMENT = Path.of("docs/record-of-processing.md");

	/** | `kind` | records | module | `P5Y` (…) | counted from | then | basis | */
	static final Pattern ROW = Pattern.compile(
			"^\\|\\s*`([a-z-]+)`\\s*\\|[^|]*\\|\\s*([a-z]+)\\s*\\|\\s*`(P[0-9YMD]+)`[^|]*\\|[^|]*\\|\\s*([^|]*?)\\s*\\|[^|]*\\|\\s*$");

	@Autowired
	Retention retention;

	record Row(String module, String period, String then) {
	}

	static Map<String, Row> retentionTable() throws Exception {
		String text = Files.readString(DOCUMENT);
		int start = text.indexOf("\n## 5. Retention");
		assertThat(start).as("section 5. Retention").isPositive();
		int end = text.indexOf("\n## ", start + 1);
		Map<String, Row> rows = new LinkedHashMap<>();
		for (String line : text.substring(start, end < 0 ? text.length() : end).split("\n")) {
			Matcher m = ROW.matcher(line);
			if (m.matches()) {
				assertThat(rows.put(m.group(1), new Row(m.group(2), m.group(3), m.group(4)))).as("one row for " + m.group(1))
					.isNull();
			}
			else {
				assertThat(line).as("a row of the retention table that cannot be read").doesNotStartWith("| `");
			}
		}
		return rows;
	}

	@Test
	void everyRuleInForceHasItsRowAndEveryRowARule() throws Exception {
		Map<String, Row> rows = retentionTable();
		List<RetentionSource> sources = retention.sources();
		assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(sources.stream().map(RetentionSource::kind).toList());
		for (RetentionSource source : sources) {
			Row row = rows.get(source.kind());
			RetentionRule rule = retention.ruleInForce(source.kind(), retention.today()).orElseThrow();
			assertThat(row.period()).as(source.kind()).isEqualTo(rule.keepFor().toString());
			String module = ClassUtils.getUserClass(source).getPackageName().split("\\.")[2];
			assertThat(row.module()).as(source.kind()).isEqualTo(module);
			String then = !source.enforced() ? "listed" : source.action() == RetentionAction.DELETE ? "deleted" : "anonymised";
			assertThat(row.then()).as(source.kind()).startsWith(then);
		}
	}
}
