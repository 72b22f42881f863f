package dk.vaerdig.access;

import static dk.vaerdig.access.Permission.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The grant table: which permissions each role has. It is the only place a role is turned into rights; everything
 * else asks for a {@link Permission}. README's table "Roles and permissions" shows the same table, and a test keeps the
 * two equal.
 */
public final class Grants {

	private static final Map<Role, Set<Permission>> TABLE = new EnumMap<>(Role.class);

	static {
		grant(Role.CASEWORKER, READ_CASES, CHANGE_CASES, HOLD_CASES, VIEW_TIMELINESS, FOLLOW_UP_ANSWERS, WORK_WITH_EMPLOYERS,
				USE_LETTERS, SEND_LETTERS, VIEW_FIGURES, READ_SURVEY_COMMENTS, VIEW_SURVEY_OUTBOX, VIEW_MESSAGE_OUTBOX, EXPORT_PERSONAL_DATA);
		grant(Role.TEAM_LEAD, READ_CASES, CHANGE_CASES, HOLD_CASES, VIEW_TIMELINESS, FOLLOW_UP_ANSWERS, HANDLE_COMPLAINTS,
				WORK_ON_LEARNING, VIEW_LEARNING_REPORT, WORK_WITH_EMPLOYERS, USE_LETTERS, SEND_LETTERS, VIEW_FIGURES,
				VIEW_OUTCOMES, VIEW_REFORM, VIEW_GOALS, VIEW_COMMITTEE_REPORT, ORGANISE_DIALOGUE_MEETINGS,
				READ_SURVEY_COMMENTS, PUBLISH_IMPROVEMENTS, VIEW_SURVEY_OUTBOX, VIEW_MESSAGE_OUTBOX, EXPORT_PERSONAL_DATA);
		grant(Role.MANAGER, READ_CASES, CHANGE_CASES, ALL_TEAMS, VIEW_TIMELINESS, FOLLOW_UP_ANSWERS,
				HANDLE_COMPLAINTS, MANAGE_COMPLAINT_CATEGORIES, WORK_ON_LEARNING, VIEW_LEARNING_REPORT,
				WORK_WITH_EMPLOYERS, VIEW_FIGURES, VIEW_OUTCOMES, VIEW_REFORM, VIEW_GOALS, MANAGE_GOALS,
				VIEW_COMMITTEE_REPORT, ORGANISE_DIALOGUE_MEETINGS, READ_SURVEY_COMMENTS, PUBLISH_IMPROVEMENTS,
				VIEW_SURVEY_OUTBOX, VIEW_MESSAGE_OUTBOX);
		grant(Role.COMPLAINT_HANDLER, READ_CASES, ALL_TEAMS, HANDLE_COMPLAINTS, MANAGE_COMPLAINT_CATEGORIES,
				WORK_ON_LEARNING, VIEW_LEARNING_REPORT, VIEW_FIGURES, READ_SURVEY_COMMENTS, VIEW_SURVEY_OUTBOX,
				VIEW_MESSAGE_OUTBOX);
		grant(Role.COMPANY_CONSULTANT, READ_CASES, CHANGE_CASES, WORK_WITH_EMPLOYERS, VIEW_SURVEY_OUTBOX,
				VIEW_MESSAGE_OUTBOX);
		grant(Role.COMMUNICATION, WORK_ON_LEARNING, VIEW_LEARNING_REPORT, USE_LETTERS, MANAGE_LETTER_TEMPLATES,
				APPROVE_LETTER_TEMPLATES, VIEW_FIGURES, READ_SURVEY_COMMENTS, PUBLISH_IMPROVEMENTS, EDIT_QUESTIONNAIRE);
		grant(Role.POLITICIAN, VIEW_LEARNING_REPORT, VIEW_FIGURES, VIEW_OUTCOMES, VIEW_REFORM, VIEW_GOALS,
				VIEW_COMMITTEE_REPORT);
		grant(Role.ADMIN, USE_LETTERS, MANAGE_LETTER_TEMPLATES, READ_EVERY_LETTER_AUDIT, VIEW_FIGURES,
				READ_SURVEY_COMMENTS, EDIT_QUESTIONNAIRE, READ_AUDIT_LOG, MANAGE_RETENTION, ADMINISTER_SYSTEM);
	}

	/** What a candidate signed in to their own pages may do (never anything of staff). */
	private static final Set<Permission> CANDIDATE = Collections.unmodifiableSet(EnumSet.of(SEE_OWN_COURSE));

	private Grants() {
	}

	private static void grant(Role role, Permission... permissions) {
		Set<Permission> set = EnumSet.noneOf(Permission.class);
		Collections.addAll(set, permissions);
		if (set.contains(SEE_OWN_COURSE)) {
			throw new IllegalStateException("a staff role is never granted a candidate's permission");
		}
		TABLE.put(role, Collections.unmodifiableSet(set));
	}

	/** The roles that have the permission, in the order of {@link Role}. */
	public static List<Role> rolesWith(Permission permission) {
		return Arrays.stream(Role.values()).filter(r -> of(r).contains(permission)).toList();
	}

	/** The permissions of the role. */
	public static Set<Permission> of(Role role) {
		return TABLE.getOrDefault(role, Set.of());
	}

	/** The permissions of a signed-in candidate. */
	public static Set<Permission> ofCandidate() {
		return CANDIDATE;
	}

	/** Each role's authorities, made once: the staff re-check compares them on every request. */
	private static final Map<Role, List<GrantedAuthority>> AUTHORITIES = new EnumMap<>(Role.class);

	static {
		for (Role role : Role.values()) {
			List<GrantedAuthority> authorities = new ArrayList<>();
			authorities.add(new SimpleGrantedAuthority(role.authority()));
			of(role).forEach(p -> authorities.add(new SimpleGrantedAuthority(p.authority())));
			AUTHORITIES.put(role, List.copyOf(authorities));
		}
	}

	/** The authorities a member of staff's session carries: the role and each of its permissions. */
	public static List<GrantedAuthority> authorities(Role role) {
		return AUTHORITIES.get(role);
	}

	/** The authorities a candidate's session carries. */
	public static List<GrantedAuthority> candidateAuthorities() {
		return CANDIDATE.stream().<GrantedAuthority>map(p -> new SimpleGrantedAuthority(p.authority())).toList();
	}
}
