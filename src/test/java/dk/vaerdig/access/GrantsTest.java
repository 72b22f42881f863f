package dk.vaerdig.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The grant table is the only source of rights: no role is checked anywhere else in {@code src/main}, every
 * permission the templates name exists, and README's table of roles and permissions is the grant table.
 */
class GrantsTest {

	/** What would decide by role instead of by permission. */
	static final List<Pattern> ROLE_CHECKS = List.of(Pattern.compile("hasRole\\s*\\("),
			Pattern.compile("hasAnyRole\\s*\\("), Pattern.compile("isUserInRole\\s*\\("),
			Pattern.compile("hasAnyAuthority\\s*\\(\\s*\"ROLE_"), Pattern.compile("roles\\?\\."),
			Pattern.compile("sec:authorize"), Pattern.compile("\\.role\\(\\)\\s*[!=]="),
			Pattern.compile("Role\\.[A-Z_]+\\s*[!=]="), Pattern.compile("[!=]=\\s*Role\\.[A-Z_]+"),
			Pattern.compile("seesCases|changesCases|seesAllTeams"), Pattern.compile("@PreAuthorize\\s*\\("));

	static List<Path> sources() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
			return files.filter(Files::isRegularFile)
				.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".html"))
				.toList();
		}
	}

	@Test
	void noRoleIsCheckedOutsideTheGrantTable() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path file : sources()) {
			if (file.endsWith("RequiresPermission.java")) {
				continue; // the one @PreAuthorize: hasAuthority('PERM_{value}')
			}
			List<String> lines = Files.readAllLines(file);
			for (int i = 0; i < lines.size(); i++) {
				for (Pattern check : ROLE_CHECKS) {
					if (check.matcher(lines.get(i)).find()) {
						found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
					}
				}
			}
		}
		assertThat(found).as("role checks outside Grants").isEmpty();
	}

	@Test
	void everyPermissionATemplateNamesExists() throws IOException {
		Pattern may = Pattern.compile("may\\('([A-Za-z_]+)'\\)");
		Set<String> names = new java.util.TreeSet<>();
		for (Path file : sources()) {
			if (file.toString().endsWith(".html")) {
				Matcher m = may.matcher(Files.readString(file));
				while (m.find()) {
					names.add(m.group(1));
				}
			}
		}
		assertThat(names).isNotEmpty();
		assertThat(names).allSatisfy(name -> assertThat(Permission.valueOf(name)).isNotNull());
	}

	@Test
	void noStaffRoleMayWhatOnlyACandidateMayAndACandidateNothingOfStaff() {
		for (Role role : Role.values()) {
			assertThat(Grants.of(role)).doesNotContain(Permission.SEE_OWN_COURSE);
			assertThat(Grants.authorities(role)).extracting(a -> a.getAuthority()).contains(role.authority());
		}
		assertThat(Grants.ofCandidate()).containsExactly(Permission.SEE_OWN_COURSE);
		assertThat(Grants.candidateAuthorities()).extracting(a -> a.getAuthority())
			.containsExactly("PERM_SEE_OWN_COURSE");
	}

	@Test
	void everyPermissionOfStaffIsGrantedToSomeRole() {
		Set<Permission> granted = EnumSet.noneOf(Permission.class);
		Arrays.stream(Role.values()).forEach(r -> granted.addAll(Grants.of(r)));
		granted.add(Permission.SEE_OWN_COURSE);
		assertThat(granted).containsExactlyInAnyOrder(Permission.values());
	}

	@Test
	void theReadmeTableIsTheGrantTable() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("### Roles and permissions");
		assertThat(start).isNotNegative();
		List<String> rows = readme.substring(start).lines().dropWhile(l -> !l.startsWith("| permission")).takeWhile(
				l -> l.startsWith("|")).toList();
		List<String> header = cells(rows.get(0));
		Map<Permission, Set<Role>> inReadme = new TreeMap<>();
		for (String row : rows.subList(2, rows.size())) {
			List<String> cells = cells(row);
			Permission permission = Permission.valueOf(cells.get(0).replace("`", ""));
			Set<Role> roles = EnumSet.noneOf(Role.class);
			for (int i = 1; i < cells.size(); i++) {
				if (cells.get(i).equals("✓")) {
					roles.add(Role.valueOf(header.get(i).replace("`", "")));
				}
			}
			inReadme.put(permission, roles);
		}
		Map<Permission, Set<Role>> inCode = new TreeMap<>();
		for (Permission p : Permission.values()) {
			if (p != Permission.SEE_OWN_COURSE) {
				Set<Role> roles = EnumSet.noneOf(Role.class);
				Arrays.stream(Role.values()).filter(r -> Grants.of(r).contains(p)).forEach(roles::add);
				inCode.put(p, roles);
			}
		}
		assertThat(inReadme).isEqualTo(inCode);
		assertThat(header.subList(1, header.size())).hasSize(Role.values().length);
	}

	private static List<String> cells(String row) {
		String inner = row.strip().substring(1, row.strip().length() - 1);
		return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
	}
}
