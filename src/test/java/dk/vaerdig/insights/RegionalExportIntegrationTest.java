package dk.vaerdig.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dk.vaerdig.IntegrationTest;

/**
 * The RAR export of 2006 (no other test and no demo data has figures then): the survey rollups of March 2006 give 30
 * of 40 respondents positive (shown: 75 %) and 3 answers after 4 meetings invited (hidden: 4 is below the threshold
 * of 5, so the counts are left out). The export must follow {@code docs/rar-export.schema.json}, and reading exports
 * back recomputes every interval from the counts.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionalExportIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@BeforeAll
	void rollups() {
		long team = jdbc.sql("SELECT team_id FROM staff_user WHERE username = 'sagsbehandler'").query(Long.class).single();
		jdbc.sql("""
				INSERT INTO survey_rollup_answer (team_id, target_group_code, month, answers, unanswered, wants_contact,
				  scored_respondents, positive_respondents) VALUES (?, 'LAB04', DATE '2006-03-01', 3, 0, 0, 40, 30)""")
			.param(team)
			.update();
		jdbc.sql("INSERT INTO survey_rollup_invited (team_id, target_group_code, month, invited) VALUES (?, 'LAB04', DATE '2006-03-01', 4)")
			.param(team)
			.update();
	}

	JsonNode export() throws Exception {
		byte[] body = mvc.perform(get("/insights/rar/export.json").param("from", "2006-01").param("to", "2006-12")
			.with(user("politiker").roles("POLITICIAN"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		return json.readTree(body);
	}

	JsonNode measure(JsonNode export, String code) {
		for (JsonNode m : export.get("measures")) {
			if (m.get("code").asString().equals(code)) {
				return m;
			}
		}
		throw new AssertionError("no measure " + code);
	}

	@Test
	void aFigureBelowTheThresholdLeavesOutItsCountsNotOnlyItsValue() throws Exception {
		JsonNode e = export();
		JsonNode dignity = measure(e, "DIGNITY_POSITIVE");
		assertThat(dignity.get("hidden").asBoolean()).isFalse();
		assertThat(dignity.get("events").asLong()).isEqualTo(30);
		assertThat(dignity.get("base").asLong()).isEqualTo(40);
		assertThat(dignity.get("value").asDouble()).isEqualTo(75.0);
		assertThat(dignity.get("low").asDouble()).isCloseTo(59.81, within(0.01));
		JsonNode response = measure(e, "SURVEY_RESPONSE_RATE");
		assertThat(response.get("hidden").asBoolean()).isTrue();
		assertThat(response.get("events").isNull()).isTrue();
		assertThat(response.get("base").isNull()).isTrue();
		assertThat(response.get("value").isNull()).isTrue();
	}

	@Test
	void theExportFollowsItsSchema() throws Exception {
		JsonNode schema = json.readTree(Files.readString(Path.of("docs/rar-export.schema.json")));
		JsonNode e = export();
		assertThat(e.get("format").asString()).isEqualTo(schema.at("/properties/format/const").asString());
		assertThat(e.get("version").asInt()).isEqualTo(schema.at("/properties/version/const").asInt());
		conforms(e, schema, schema);
		assertThat(e.get("period").get("from").asString()).isEqualTo("2006-01");
	}

	/** The part of JSON Schema the schema uses: type object, required, additionalProperties false, const, enum, pattern. */
	void conforms(JsonNode value, JsonNode schema, JsonNode root) {
		if (schema.has("$ref")) {
			conforms(value, root.at(schema.get("$ref").asString().substring(1)), root);
			return;
		}
		if (schema.has("const")) {
			assertThat(value).isEqualTo(schema.get("const"));
		}
		if (schema.has("enum")) {
			assertThat(schema.get("enum").values()).contains(value);
		}
		if (schema.has("pattern") && value.isString()) {
			assertThat(value.asString()).matches(schema.get("pattern").asString());
		}
		if (schema.has("items")) {
			value.values().forEach(v -> conforms(v, schema.get("items"), root));
		}
		if (schema.has("required")) {
			schema.get("required").values().forEach(r -> assertThat(value.has(r.asString())).as(r.asString()).isTrue());
		}
		if (schema.has("properties")) {
			Set<String> allowed = new TreeSet<>(schema.get("properties").propertyNames());
			Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator();
			while (fields.hasNext()) {
				var f = fields.next();
				if (schema.path("additionalProperties").isBoolean() && !schema.get("additionalProperties").asBoolean()) {
					assertThat(allowed).as("allowed properties").contains(f.getKey());
				}
				if (allowed.contains(f.getKey())) {
					conforms(f.getValue(), schema.get("properties").get(f.getKey()), root);
				}
			}
		}
		if (schema.has("if") && value.path("hidden").asBoolean()) {
			for (String k : new String[] { "events", "base", "value", "low", "high" }) {
				assertThat(value.path(k).isNull() || value.path(k).isMissingNode()).as(k + " of a hidden measure").isTrue();
			}
		}
	}

	@Test
	void theComparisonRecomputesTheIntervalsAndRefusesOtherFiles() throws Exception {
		String other = """
				{"format":"vaerdig-rar-export","version":1,"municipality":"Nabo Kommune",
				 "period":{"from":"2006-01","to":"2006-12"},"anonymityThreshold":5,"generatedAt":"2007-01-05T10:00:00+01:00",
				 "measures":[{"code":"DIGNITY_POSITIVE","kind":"SHARE","hidden":false,"events":50,"base":100,
				   "value":99.0,"low":98.0,"high":100.0},
				  {"code":"COURSES_INTO_JOB","kind":"SHARE","hidden":false,"events":2,"base":3,"value":66.7,"low":1,"high":2}]}
				""";
		String page = mvc.perform(multipart("/insights/rar/compare")
			.file(new MockMultipartFile("files", "nabo.json", "application/json", other.getBytes(StandardCharsets.UTF_8)))
			.file(new MockMultipartFile("files", "forkert.json", "application/json", "{\"format\":\"andet\"}".getBytes()))
			.with(user("leder").roles("MANAGER")).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		// 50 of 100 is shown as 50 % with its Wilson interval 40,4–59,6 %, not the 99 % written in the file
		assertThat(page).contains("Nabo Kommune").contains("50,0 %").contains("40,4–59,6 %").doesNotContain("99,0 %")
			.contains("forkert.json");
		// 3 courses in the file: below the threshold, hidden here too
		assertThat(page).doesNotContain("66,7");
		mvc.perform(get("/insights/rar").with(user("sagsbehandler").roles("CASEWORKER"))).andExpect(status().isForbidden());
	}
}
