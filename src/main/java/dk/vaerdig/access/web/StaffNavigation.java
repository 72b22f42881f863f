package dk.vaerdig.access.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.SignedInUser;
import dk.vaerdig.platform.web.MenuLink;

/**
 * The staff navigation of {@code layout.html} and {@code layout.jte}: the links the signed-in member of staff may
 * use, in menu order, each asked of the user's permissions by name here, once per set of permissions (a role's set is
 * the same for all its users), instead of a dozen {@code signedIn?.may('…')} expressions on every page. It only
 * decides what is shown: every page checks access itself.
 */
final class StaffNavigation {

	/** One link of the menu: the page, and the message key of its label. */
	record Link(String href, String label) implements MenuLink {
	}

	/** A link shown to whoever has every one of its permissions. */
	private record Item(Set<Permission> permissions, Link link) {
	}

	private static final List<Item> MENU = List.of(item(Permission.READ_CASES, "/cases", "layout.nav.cases"),
			new Item(Set.of(Permission.HOLD_CASES, Permission.CHANGE_CASES), new Link("/calendar", "layout.nav.calendar")),
			item(Permission.CHANGE_CASES, "/handovers", "layout.nav.handovers"),
			item(Permission.CHANGE_CASES, "/change-requests", "layout.nav.changeRequests"),
			item(Permission.VIEW_TIMELINESS, "/timeliness", "layout.nav.timeliness"),
			item(Permission.WORK_WITH_EMPLOYERS, "/employment", "layout.nav.employment"),
			item(Permission.HANDLE_COMPLAINTS, "/complaints", "layout.nav.complaints"),
			item(Permission.FOLLOW_UP_ANSWERS, "/surveys/follow-ups", "layout.nav.followUps"),
			item(Permission.VIEW_FIGURES, "/insights/surveys", "layout.nav.evaluation"),
			item(Permission.VIEW_OUTCOMES, "/insights/outcomes", "layout.nav.outcomes"),
			item(Permission.VIEW_REFORM, "/reform", "layout.nav.reform"),
			item(Permission.VIEW_GOALS, "/insights/goals", "layout.nav.goals"),
			item(Permission.VIEW_COMMITTEE_REPORT, "/insights/committee-report", "layout.nav.committeeReport"),
			item(Permission.VIEW_COMMITTEE_REPORT, "/insights/dialogue", "layout.nav.dialogue"),
			item(Permission.VIEW_COMMITTEE_REPORT, "/insights/rar", "layout.nav.rar"),
			item(Permission.EDIT_QUESTIONNAIRE, "/admin/surveys", "layout.nav.questionnaire"),
			item(Permission.USE_LETTERS, "/letters", "letters.nav"),
			item(Permission.SEND_LETTERS, "/letters/print", "layout.nav.printList"),
			item(Permission.READ_AUDIT_LOG, "/admin/audit", "layout.nav.audit"),
			item(Permission.MANAGE_RETENTION, "/admin/retention", "layout.nav.retention"));

	/** At most this many sets of permissions are kept (roles, and the combinations an IdP hands out). */
	private static final int KEPT = 256;

	private final Map<Set<Permission>, List<Link>> bySet = new ConcurrentHashMap<>();

	private static Item item(Permission permission, String href, String label) {
		return new Item(Set.of(permission), new Link(href, label));
	}

	/** Every link of the menu, whoever may use it (for tests: each label is a message in every language). */
	static List<Link> all() {
		return MENU.stream().map(Item::link).toList();
	}

	/** The links the user may use, in menu order; none for a candidate or no one. */
	List<Link> links(SignedInUser user) {
		if (!user.staff()) {
			return List.of();
		}
		List<Link> links = bySet.get(user.permissions());
		if (links == null) {
			links = MENU.stream().filter(i -> i.permissions().stream().allMatch(user::may)).map(Item::link).toList();
			if (bySet.size() < KEPT) {
				bySet.put(user.permissions(), links);
			}
		}
		return links;
	}
}
