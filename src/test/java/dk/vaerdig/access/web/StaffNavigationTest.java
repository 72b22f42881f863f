package dk.vaerdig.access.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dk.vaerdig.access.Grants;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.Role;
import dk.vaerdig.access.SignedInUser;

/** The staff menu made once per set of permissions: the right links for each role, and a message for every label. */
class StaffNavigationTest {

	final StaffNavigation navigation = new StaffNavigation();

	static SignedInUser staff(Set<Permission> permissions) {
		return new SignedInUser("someone", "someone", permissions, false);
	}

	List<String> hrefs(SignedInUser user) {
		return navigation.links(user).stream().map(StaffNavigation.Link::href).toList();
	}

	@Test
	void aCaseworkerSeesTheCaseworkersLinksAndNoAdministration() {
		assertThat(hrefs(staff(Grants.of(Role.CASEWORKER))))
			.startsWith("/cases", "/calendar", "/handovers", "/change-requests")
			.contains("/letters", "/letters/print")
			.doesNotContain("/admin/audit", "/admin/retention", "/admin/surveys");
	}

	@Test
	void theAdministratorSeesTheAuditLogAndAPoliticianOnlyFigures() {
		assertThat(hrefs(staff(Grants.of(Role.ADMIN)))).contains("/admin/audit");
		assertThat(hrefs(staff(Grants.of(Role.POLITICIAN)))).doesNotContain("/cases", "/handovers", "/complaints",
				"/admin/audit");
	}

	@Test
	void eachLinkFollowsItsPermissionAloneInMenuOrder() {
		assertThat(hrefs(staff(Set.of(Permission.READ_AUDIT_LOG)))).containsExactly("/admin/audit");
		assertThat(hrefs(staff(Set.of(Permission.VIEW_COMMITTEE_REPORT, Permission.READ_CASES))))
			.containsExactly("/cases", "/insights/committee-report", "/insights/dialogue", "/insights/rar");
		assertThat(hrefs(staff(Set.of()))).isEmpty();
	}

	@Test
	void theCalendarNeedsBothHoldingAndChangingCases() {
		assertThat(hrefs(staff(Set.of(Permission.HOLD_CASES)))).doesNotContain("/calendar");
		assertThat(hrefs(staff(Set.of(Permission.CHANGE_CASES)))).doesNotContain("/calendar");
		assertThat(hrefs(staff(Set.of(Permission.HOLD_CASES, Permission.CHANGE_CASES)))).contains("/calendar");
	}

	@Test
	void aCandidateOrNoOneGetsNoStaffMenu() {
		assertThat(navigation.links(new SignedInUser("candidate:1", "Anne", Grants.ofCandidate(), true))).isEmpty();
		assertThat(navigation.links(new SignedInUser(null, null, Set.of(), false))).isEmpty();
	}

	@Test
	void theSameSetGivesTheSameListAgain() {
		SignedInUser user = staff(Grants.of(Role.TEAM_LEAD));
		assertThat(navigation.links(user)).isSameAs(navigation.links(staff(Grants.of(Role.TEAM_LEAD))));
	}

	@Test
	void everyLabelIsAMessageInDanishAndEnglish() throws IOException {
		Properties danish = new Properties();
		Properties english = new Properties();
		try (Stream<Path> files = Stream.concat(Files.list(Path.of("src/main/resources/i18n")),
				Stream.of(Path.of("src/main/resources/messages.properties"), Path.of("src/main/resources/messages_en.properties")))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
				try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					(file.getFileName().toString().endsWith("_en.properties") ? english : danish).load(in);
				}
			}
		}
		assertThat(danish).isNotEmpty();
		for (StaffNavigation.Link link : StaffNavigation.all()) {
			assertThat(danish.getProperty(link.label())).as(link.label()).isNotBlank();
			assertThat(english.getProperty(link.label())).as(link.label()).isNotBlank();
		}
	}
}
