package dk.vaerdig.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** Who works here: the published view of staff users and teams. */
@Service
public class StaffDirectory {

	private static final String SELECT = """
			SELECT u.username, u.display_name, u.phone, u.email, u.role, u.team_id, t.name AS team_name, u.active
			FROM staff_user u LEFT JOIN team t ON t.id = u.team_id
			""";

	private final JdbcClient jdbc;

	/** Staff members found by user name; a name not found is not kept, so a new user is seen at once. */
	private final Cache<String, Row> byUsername;

	/**
	 * User names that are no member of staff, as asked for a name to show (a timeline's actor may be a kind, such as
	 * {@code CANDIDATE}, or a former user): kept as long as a row, but only for {@link #find}; {@link #findActive}, which
	 * signs in and re-checks, always reads a name it does not know.
	 */
	private final Cache<String, Boolean> unknown;

	/** A staff row as cached: the member and whether they may still sign in and work. */
	private record Row(StaffMember member, boolean active) {
	}

	/** The lists for the filters of every candidate search, kept as long as a staff member is. */
	private final LoadingCache<Boolean, List<StaffMember>> caseworkers;

	private final LoadingCache<Boolean, List<Team>> teams;

	StaffDirectory(JdbcClient jdbc, AccessSettings settings) {
		this.jdbc = jdbc;
		this.byUsername = Caffeine.newBuilder().expireAfterWrite(settings.staffCacheTtl()).maximumSize(10_000).build();
		this.unknown = Caffeine.newBuilder().expireAfterWrite(settings.staffCacheTtl()).maximumSize(10_000).build();
		this.caseworkers = Caffeine.newBuilder()
			.expireAfterWrite(settings.staffCacheTtl())
			.build(k -> jdbc.sql(SELECT + " WHERE u.active AND u.role IN (:roles) ORDER BY t.name, u.display_name")
				.param("roles", Grants.rolesWith(Permission.HOLD_CASES).stream().map(Role::name).toList())
				.query(StaffDirectory::map)
				.list());
		this.teams = Caffeine.newBuilder()
			.expireAfterWrite(settings.staffCacheTtl())
			.build(k -> jdbc.sql("SELECT id, name, department FROM team ORDER BY name").query(Team.class).list());
	}

	/** The member of staff, active or not (a former caseworker's name still shows in a case's history). */
	public Optional<StaffMember> find(String username) {
		if (username == null || unknown.getIfPresent(username) != null) {
			return Optional.empty();
		}
		Optional<StaffMember> found = row(username).map(Row::member);
		if (found.isEmpty()) {
			unknown.put(username, Boolean.TRUE);
		}
		return found;
	}

	/**
	 * The member of staff if they are active: what every request of a signed-in user is checked against (role, team,
	 * active), read at most once per {@code vaerdig.access.staff-cache-ttl} per user.
	 */
	public Optional<StaffMember> findActive(String username) {
		return row(username).filter(Row::active).map(Row::member);
	}

	private Optional<Row> row(String username) {
		if (username == null) {
			return Optional.empty();
		}
		Row cached = byUsername.getIfPresent(username);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<Row> found = jdbc.sql(SELECT + " WHERE u.username = ?")
			.param(username)
			.query((rs, n) -> new Row(map(rs, n), rs.getBoolean("active")))
			.optional();
		found.ifPresent(row -> byUsername.put(username, row));
		return found;
	}

	/**
	 * Re-checks a signed-in member of staff against their row, as every request of a staff session is (the staff
	 * chain's filter, and the letters API's own chain): empty when the row is gone or inactive (sign them out, or
	 * refuse); otherwise the authentication with exactly the role and permission authorities that {@link Grants} gives
	 * the row's role now, the same instance when nothing changed (other authorities, such as factors, stay).
	 */
	public Optional<Authentication> recheck(Authentication auth) {
		Optional<StaffMember> member = auth == null ? Optional.empty() : findActive(auth.getName());
		if (member.isEmpty()) {
			return Optional.empty();
		}
		List<GrantedAuthority> granted = Grants.authorities(member.get().role());
		if (hasExactly(auth, granted)) {
			return Optional.of(auth);
		}
		return Optional.of(auth.toBuilder().authorities(authorities -> {
			authorities.removeIf(StaffDirectory::isRoleOrPermission);
			authorities.addAll(granted);
		}).build());
	}

	private static boolean isRoleOrPermission(GrantedAuthority a) {
		String name = a.getAuthority();
		return name != null && (name.startsWith("ROLE_") || name.startsWith("PERM_"));
	}

	/** Whether the authentication's role and permission authorities are exactly these. */
	private static boolean hasExactly(Authentication auth, List<GrantedAuthority> granted) {
		Set<String> held = new HashSet<>();
		for (GrantedAuthority a : auth.getAuthorities()) {
			if (isRoleOrPermission(a)) {
				held.add(a.getAuthority());
			}
		}
		Set<String> expected = new HashSet<>();
		granted.forEach(a -> expected.add(a.getAuthority()));
		return held.equals(expected);
	}

	/**
	 * The signed-in member of staff (active or not; the staff filter signs an inactive one out). Refused with 403 for
	 * a signed-in candidate or when no one is signed in; {@link SignedIn} tells the two kinds of identity apart.
	 */
	public StaffMember currentStaff() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth.getPrincipal() instanceof CandidateIdentity) {
			throw new AccessDeniedException("access.notStaff");
		}
		return find(auth.getName()).orElseThrow(() -> new AccessDeniedException("access.notStaff"));
	}

	/** Forgets the cached row of the user, so the next look-up reads it (after a login changed it). */
	public void forget(String username) {
		if (username != null) {
			byUsername.invalidate(username);
			unknown.invalidate(username);
		}
	}

	/** Active staff who can hold cases ({@link Permission#HOLD_CASES}), by team and name. */
	public List<StaffMember> caseworkers() {
		return caseworkers.get(Boolean.TRUE);
	}

	public List<Team> teams() {
		return teams.get(Boolean.TRUE);
	}

	private static StaffMember map(ResultSet rs, int row) throws SQLException {
		long teamId = rs.getLong("team_id");
		return new StaffMember(rs.getString("username"), rs.getString("display_name"), rs.getString("phone"),
				rs.getString("email"), Role.valueOf(rs.getString("role")), rs.wasNull() ? null : teamId,
				rs.getString("team_name"));
	}
}
