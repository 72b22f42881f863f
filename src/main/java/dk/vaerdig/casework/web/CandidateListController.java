package dk.vaerdig.casework.web;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.casework.internal.CandidateSearch;
import dk.vaerdig.casework.internal.CandidateSearch.DueFilter;
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.TargetGroups;
import dk.vaerdig.platform.web.JteViews;

/**
 * The candidate list with search and filters; htmx swaps only the results when a filter changes.
 * <p>
 * The filters and the page are GET parameters, so a list can be bookmarked and shared. The search text never goes into
 * a URL (browser history, proxy and access logs), whether it is a name, a birth date or a CPR number: it comes only by
 * POST from the search form, its pages are POSTed too, and a text in a GET is ignored with a notice.
 */
@Controller
class CandidateListController {

	/** The list with its search form, and its result list alone for htmx: jte (src/main/jte/casework/web). */
	static final String LIST = JteViews.PREFIX + "casework/web/list";

	static final String RESULTS = JteViews.PREFIX + "casework/web/results";

	private final CandidateSearch search;

	private final CaseAccess access;

	private final TargetGroups targetGroups;

	private final StaffDirectory staff;

	private final AuditLog audit;

	private final PersonalDataReads reads;

	CandidateListController(CandidateSearch search, CaseAccess access, TargetGroups targetGroups, StaffDirectory staff,
			AuditLog audit, PersonalDataReads reads) {
		this.search = search;
		this.access = access;
		this.targetGroups = targetGroups;
		this.staff = staff;
		this.audit = audit;
		this.reads = reads;
	}

	/** The list's filters, as they go into the URL. */
	record Filters(String targetGroup, String caseworker, Long team, DueFilter due) {

		String url(int page) {
			UriComponentsBuilder url = UriComponentsBuilder.fromPath("/cases");
			if (!targetGroup.isBlank()) {
				url.queryParam("targetGroup", targetGroup);
			}
			if (!caseworker.isBlank()) {
				url.queryParam("caseworker", caseworker);
			}
			if (team != null) {
				url.queryParam("team", team);
			}
			if (due != DueFilter.ALL) {
				url.queryParam("due", due);
			}
			if (page > 0) {
				url.queryParam("page", page);
			}
			return url.encode().toUriString();
		}
	}

	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping("/cases")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String targetGroup,
			@RequestParam(defaultValue = "") String caseworker, @RequestParam(required = false) Long team,
			@RequestParam(defaultValue = "ALL") DueFilter due, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
		if (!q.isBlank()) {
			// a text in the address is not searched for: it would stay in history and logs
			model.addAttribute(CandidateSearch.looksLikeCpr(q) || q.strip().matches("\\d{6}") ? "cprInUrl" : "textInUrl",
					true);
		}
		return show("", new Filters(targetGroup, caseworker, team, due), page, htmx, model, locale);
	}

	/** The search form. Without a text it leads to the bookmarkable address of the filters. */
	@ReadsPersonalData(AuditAction.SEARCH)
	@PostMapping("/cases")
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String targetGroup,
			@RequestParam(defaultValue = "") String caseworker, @RequestParam(required = false) Long team,
			@RequestParam(defaultValue = "ALL") DueFilter due, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletResponse response,
			Model model, Locale locale) {
		Filters filters = new Filters(targetGroup, caseworker, team, due);
		if (htmx != null) {
			// the address bar follows the filters, never the text
			response.setHeader("HX-Replace-Url", filters.url(page));
		}
		else if (q.isBlank()) {
			return "redirect:" + filters.url(page);
		}
		return show(q.strip(), filters, page, htmx, model, locale);
	}

	private String show(String q, Filters f, int page, String htmx, Model model, Locale locale) {
		Long scope = access.teamScope();
		CandidateSearch.Query query = new CandidateSearch.Query(q, f.targetGroup(), f.caseworker(), f.team(), f.due(),
				page, scope);
		CandidateSearch.Result result = search.search(query);
		// every candidate on the page is recorded (@ReadsPersonalData); the search text, maybe a CPR number, never is
		String detail = q.isBlank() ? "candidate list" : query.isCprSearch() ? "cpr search" : "name search";
		reads.shown(result.rows().stream().map(CandidateSearch.Row::id).toList(), detail);
		if (!q.isBlank() && result.rows().isEmpty()) {
			audit.append(access.me().username(), null, AuditAction.SEARCH, detail); // a search without a hit is a use too
		}
		Map<String, String> targetGroupNames = targetGroupNames(locale);
		model.addAttribute("result", result);
		model.addAttribute("lines", lines(result, targetGroupNames));
		model.addAttribute("targetGroupNames", targetGroupNames);
		model.addAttribute("pager", new Pager(result.page(), result.page() > 0, result.hasNext(),
				f.url(result.page() - 1), f.url(result.page() + 1)));
		model.addAttribute("q", q);
		model.addAttribute("filters", f);
		model.addAttribute("targetGroup", f.targetGroup());
		model.addAttribute("caseworker", f.caseworker());
		model.addAttribute("team", f.team());
		model.addAttribute("due", f.due());
		model.addAttribute("targetGroups", targetGroups.validOn(search.today()));
		model.addAttribute("caseworkers", staff.caseworkers().stream().filter(c -> scope == null || scope.equals(c.teamId())).toList());
		model.addAttribute("teams", staff.teams().stream().filter(t -> scope == null || scope == t.id()).toList());
		model.addAttribute("dueFilters", DueFilter.values());
		model.addAttribute("mayChange", access.mayChange());
		model.addAttribute("lang", locale.getLanguage());
		return htmx != null ? RESULTS : LIST;
	}

	/** How the list shows a candidate's due date (as {@code #temporals.format(due, 'dd-MM-yyyy')} did). */
	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	/**
	 * A row of the result list as shown: the texts made once here instead of by a concatenation, a map look-up and a
	 * date format per row in the template (up to 25 rows, half of the case file's requests).
	 */
	record Line(long id, String name, String cprMasked, String targetGroupName, String caseworkerName, String teamName,
			String due, boolean overdue) {
	}

	private static List<Line> lines(CandidateSearch.Result result, Map<String, String> targetGroupNames) {
		return result.rows()
			.stream()
			.map(r -> new Line(r.id(), r.lastName() + ", " + r.firstName(), r.cprMasked(),
					targetGroupNames.getOrDefault(r.targetGroupCode(), r.targetGroupCode()), r.caseworkerName(),
					r.teamName(), r.nextMeetingDue() == null ? null : DUE.format(r.nextMeetingDue()), r.overdue()))
			.toList();
	}

	/** Every target group's name by its code, also those no longer in force (a course keeps its group). */
	private Map<String, String> targetGroupNames(Locale locale) {
		return targetGroups.all()
			.stream()
			.collect(Collectors.toMap(TargetGroups.TargetGroup::code, g -> g.name(locale), (a, b) -> a));
	}

	/**
	 * Paging: number counts from 0. Without a search text the pages are links; with one, buttons that post the text
	 * again (see {@code results.jte}).
	 */
	record Pager(int number, boolean hasPrevious, boolean hasNext, String previousUrl, String nextUrl) {
	}
}
