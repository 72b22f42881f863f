package dk.vaerdig.employment;

import static dk.vaerdig.Html.containsText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

import dk.vaerdig.IntegrationTest;
import dk.vaerdig.TestCandidates;
import dk.vaerdig.employment.internal.Geography;

/**
 * The reference data of migrations V42–V44 against the source extracts in scripts/refdata (see
 * docs/reference-data.md): every ISCO-08 group and unit group with its titles, the shortage rule, the postal areas and
 * their centres, and the forms that list them.
 */
@IntegrationTest
class ReferenceDataIntegrationTest {

	static final Path SOURCES = Path.of("scripts/refdata");

	/** The occupations V31 shipped, with the shortage flags it gave them; they must survive unchanged. */
	static final Map<String, Boolean> V31_OCCUPATIONS = Map.ofEntries(Map.entry("2221", true), Map.entry("2341", false),
			Map.entry("2512", false), Map.entry("3115", true), Map.entry("3313", false), Map.entry("3412", true),
			Map.entry("4110", false), Map.entry("4222", false), Map.entry("4321", false), Map.entry("5120", true),
			Map.entry("5131", true), Map.entry("5132", true), Map.entry("5223", false), Map.entry("5230", false),
			Map.entry("5311", false), Map.entry("5321", true), Map.entry("5322", true), Map.entry("5414", false),
			Map.entry("7112", true), Map.entry("7115", true), Map.entry("7126", true), Map.entry("7212", true),
			Map.entry("7231", true), Map.entry("7233", true), Map.entry("7411", true), Map.entry("7512", false),
			Map.entry("8160", false), Map.entry("8189", true), Map.entry("8322", false), Map.entry("8332", true),
			Map.entry("8344", false), Map.entry("9112", false), Map.entry("9214", false), Map.entry("9313", true),
			Map.entry("9321", false), Map.entry("9333", false), Map.entry("9412", true), Map.entry("9621", false));

	static final Set<String> V31_POSTAL_CODES = Set.of("1000", "2300", "2400", "2500", "2600", "2630", "2670", "2680",
			"4000", "4100", "4130", "4160", "4171", "4180", "4200", "4220", "4300", "4400", "4600", "4640", "4652", "4660",
			"4683", "4690", "4700", "4720", "4733", "4736", "4750", "4760", "4800", "4900", "4990");

	/** The rule of V44, written out again so that a change to either shows here. */
	static final List<String> SHORTAGE_PREFIXES = List.of("71", "7411", "8342", "9312", "9313", "72", "3115", "7412",
			"8189", "2221", "2222", "3221", "3222", "532", "3412", "3434", "512", "513", "941", "8332");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Geography geography;

	@Autowired
	TestCandidates candidates;

	@Test
	void everyIscoGroupAndUnitGroupOfTheSourceIsLoadedWithItsDanishAndEnglishTitle() throws IOException {
		Map<String, String> da = source("esco-1.0.8-ISCOGroups_da.psv");
		Map<String, String> en = source("esco-1.0.8-ISCOGroups_en.psv");
		assertThat(da).hasSize(619);
		assertThat(da.keySet()).isEqualTo(en.keySet());

		Map<String, String> groups = new TreeMap<>();
		jdbc.sql("SELECT code, title_da, title_en FROM occupation_group")
			.query(rs -> { groups.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3)); });
		Map<String, String> units = new TreeMap<>();
		jdbc.sql("SELECT code, title_da, title_en FROM occupation")
			.query(rs -> { units.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3)); });
		Map<String, String> expected = new TreeMap<>();
		da.forEach((code, title) -> expected.put(code, title + "|" + en.get(code)));

		assertThat(groups).isEqualTo(filter(expected, 1, 3));
		assertThat(units).isEqualTo(filter(expected, 4, 4));
		assertThat(jdbc.sql("SELECT length(code), count(*) FROM occupation_group GROUP BY 1 ORDER BY 1")
			.query((rs, n) -> rs.getInt(1) + ":" + rs.getInt(2)).list()).containsExactly("1:10", "2:43", "3:130");
		assertThat(units).hasSize(436)
			.containsEntry("5120", "Kokkearbejde|Cooks")
			.containsEntry("7212", "Svejsearbejde og skærebrænding|Welders and flamecutters")
			.containsEntry("2221", "Sygeplejerskearbejde|Nursing professionals");
	}

	@Test
	void theGroupsFormAHierarchyAndEveryOccupationHasItsMinorGroup() {
		assertThat(jdbc.sql("""
				SELECT count(*) FROM occupation_group g
				WHERE (length(g.code) = 1) <> (g.parent_code IS NULL)
				   OR (g.parent_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM occupation_group p WHERE p.code = g.parent_code))""")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM occupation o LEFT JOIN occupation_group g ON g.code = o.minor_group WHERE g.code IS NULL")
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT parent_code FROM occupation_group WHERE code = '721'").query(String.class).single())
			.isEqualTo("72");
	}

	@Test
	void theOccupationsOfV31AreStillThereWithTheirShortageFlags() {
		Map<String, Boolean> flags = jdbc.sql("SELECT code, shortage FROM occupation WHERE code IN ("
				+ V31_OCCUPATIONS.keySet().stream().map(c -> "'" + c + "'").collect(Collectors.joining(", ")) + ")")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(flags).isEqualTo(V31_OCCUPATIONS);
	}

	@Test
	void everyOccupationIsMarkedAsShortOfLabourExactlyWhenItsCodeHasAShortagePrefix() {
		Map<String, Boolean> flags = jdbc.sql("SELECT code, shortage FROM occupation")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		flags.forEach((code, shortage) -> assertThat(shortage)
			.as(code)
			.isEqualTo(SHORTAGE_PREFIXES.stream().anyMatch(code::startsWith)));
		assertThat(flags).containsEntry("7212", true).containsEntry("7231", true).containsEntry("7233", true)
			.containsEntry("7122", true).containsEntry("5120", true).containsEntry("9411", true).containsEntry("5131", true)
			.containsEntry("5321", true).containsEntry("5322", true).containsEntry("2221", true).containsEntry("3221", true)
			.containsEntry("2512", false).containsEntry("4224", false).containsEntry("7512", false);
		assertThat(flags.values().stream().filter(b -> b).count()).isEqualTo(51);
	}

	@Test
	void everyGeographicPostalCodeOfTheSourceIsLoadedWithItsCentre() throws IOException {
		List<String> lines = Files.readAllLines(SOURCES.resolve("geonames-dk-zipcodes.psv"), StandardCharsets.UTF_8);
		assertThat(lines).hasSize(1 + 1471);
		Map<String, String> expected = new TreeMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] r = line.split("\\|");
			if (Integer.parseInt(r[0]) >= 1000) {
				expected.putIfAbsent(r[0], r[1] + "|" + Double.parseDouble(r[2]) + "|" + Double.parseDouble(r[3]));
			}
		}
		assertThat(expected).hasSize(1149);
		Map<String, String> loaded = new TreeMap<>();
		jdbc.sql("SELECT code, name, lat, lon FROM postal_area")
			.query(rs -> { loaded.put(rs.getString(1), rs.getString(2) + "|" + rs.getDouble(3) + "|" + rs.getDouble(4)); });

		assertThat(loaded.keySet()).containsAll(V31_POSTAL_CODES);
		assertThat(loaded).hasSize(1150) // the source's areas and V31's 1000 København K, which the source lacks
			.containsAllEntriesOf(expected)
			.containsEntry("4000", "Roskilde|55.6415|12.0803")
			.containsEntry("8000", "Aarhus C|56.1567|10.2108")
			.containsEntry("9000", "Aalborg|57.048|9.9187")
			.containsEntry("1000", "København K|55.6786|12.575");
		assertThat(loaded.keySet()).noneMatch(code -> code.compareTo("1000") < 0);
	}

	@Test
	void distancesComputeBetweenAllPostalAreas() {
		List<String> codes = jdbc.sql("SELECT code FROM postal_area ORDER BY code").query(String.class).list();
		for (String from : codes) {
			for (String to : List.of("1000", "3700", "4700", "6700", "9990")) {
				assertThat(geography.km(from, to)).as(from + " to " + to).isPresent();
				assertThat(geography.km(from, to).getAsDouble()).as(from + " to " + to).isBetween(0.0, 500.0);
			}
		}
		assertThat(geography.km("4000", "8000").getAsDouble()).isCloseTo(129.9, within(0.1));
		assertThat(geography.km("8000", "9000").getAsDouble()).isCloseTo(100.7, within(0.1));
	}

	@Test
	void theFormsGroupTheOccupationsAndKeepTheChosenWishesInView() throws Exception {
		mvc.perform(get("/employment").with(user("virksomhed").roles("COMPANY_CONSULTANT")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsText("<optgroup label=\"51 ")))
			.andExpect(content().string(containsText("<option value=\"5120\">Kokkearbejde (5120)</option>")));

		var c = candidates.make("sagsbehandler");
		var mette = user("sagsbehandler").roles("CASEWORKER");
		mvc.perform(post("/cases/{id}/employment/wishes", c.id()).with(mette).with(csrf())
			.param("occupationCodes", "7212", "9412"))
			.andExpect(status().is3xxRedirection());
		String page = mvc.perform(get("/cases/{id}/employment", c.id()).with(mette))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		page = HtmlUtils.htmlUnescape(page);
		assertThat(page).contains("<option value=\"7212\">Svejsearbejde og skærebrænding</option>")
			.containsPattern("<input type=\"checkbox\" name=\"occupationCodes\" id=\"wish-7212\" value=\"7212\"\\s+checked")
			.containsPattern("<details open=\"open\">\\s*<summary>72 ")
			.containsPattern("<details open=\"open\">\\s*<summary>94 ")
			.containsPattern("<details>\\s*<summary>51 ");
		assertThat(page.split("name=\"occupationCodes\"", -1)).hasSize(437);
	}

	static Map<String, String> source(String file) throws IOException {
		List<String> lines = Files.readAllLines(SOURCES.resolve(file), StandardCharsets.UTF_8);
		assertThat(lines.get(0)).isEqualTo("code|preferredLabel");
		Map<String, String> rows = new TreeMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] r = line.split("\\|", -1);
			assertThat(rows.put(r[0], r[1])).as("duplicate " + r[0]).isNull();
		}
		return rows;
	}

	static Map<String, String> filter(Map<String, String> rows, int minLength, int maxLength) {
		Map<String, String> result = new TreeMap<>();
		rows.forEach((code, value) -> {
			if (code.length() >= minLength && code.length() <= maxLength) {
				result.put(code, value);
			}
		});
		return result;
	}
}
