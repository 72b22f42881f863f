package dk.vaerdig.casework.web;

import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.casework.internal.CandidateSearch;
import dk.vaerdig.casework.internal.CandidateSearch.DueFilter;
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.TargetGroups;

/** The candidate list with search and filters; htmx swaps only the results when a filter changes. */
@Controller
class CandidateListController {

	private final CandidateSearch search;

	private final CaseAccess access;

	private final TargetGroups targetGroups;

	private final StaffDirectory staff;

	private final AuditLog audit;

	CandidateListController(CandidateSearch search, CaseAccess access, TargetGroups targetGroups, StaffDirectory staff,
			AuditLog audit) {
		this.search = search;
		this.access = access;
		this.targetGroups = targetGroups;
		this.staff = staff;
		this.audit = audit;
	}

	/**
	 * The list. Filters and paging come by GET; the search text comes by POST from the search form, so that a CPR
	 * number never travels in a URL (browser history, proxy and access logs). A CPR number in a GET is ignored.
	 */
	@RequestMapping(path = "/cases", method = { RequestMethod.GET, RequestMethod.POST })
	String list(HttpServletRequest request, @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String targetGroup,
			@RequestParam(defaultValue = "") String caseworker, @RequestParam(required = false) Long team,
			@RequestParam(defaultValue = "ALL") DueFilter due, @RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
		Long scope = access.teamScope();
		boolean cprInUrl = "GET".equals(request.getMethod()) && CandidateSearch.looksLikeCpr(q);
		if (cprInUrl) {
			q = "";
		}
		model.addAttribute("cprInUrl", cprInUrl);
		CandidateSearch.Query query = new CandidateSearch.Query(q, targetGroup, caseworker, team, due, page, scope);
		CandidateSearch.Result result = search.search(query);
		if (!q.isBlank()) {
			// the search text may be a CPR number: it is never written to the log
			audit.append(access.me().username(), result.rows().size() == 1 ? result.rows().get(0).id() : null,
					AuditAction.SEARCH, query.isCprSearch() ? "cpr search" : "name search");
		}
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/cases")
			.queryParam("q", query.isCprSearch() ? "" : q)
			.queryParam("targetGroup", targetGroup)
			.queryParam("caseworker", caseworker)
			.queryParam("due", due);
		if (team != null) {
			base.queryParam("team", team);
		}
		model.addAttribute("result", result);
		model.addAttribute("pager", new Pager(result.page(), result.page() > 0, result.hasNext(),
				base.cloneBuilder().queryParam("page", result.page() - 1).encode().toUriString(),
				base.cloneBuilder().queryParam("page", result.page() + 1).encode().toUriString()));
		model.addAttribute("q", q);
		model.addAttribute("targetGroup", targetGroup);
		model.addAttribute("caseworker", caseworker);
		model.addAttribute("team", team);
		model.addAttribute("due", due);
		model.addAttribute("targetGroups", targetGroups.validOn(search.today()));
		model.addAttribute("caseworkers", staff.caseworkers().stream().filter(c -> scope == null || scope.equals(c.teamId())).toList());
		model.addAttribute("teams", staff.teams().stream().filter(t -> scope == null || scope == t.id()).toList());
		model.addAttribute("dueFilters", DueFilter.values());
		model.addAttribute("mayChange", access.mayChange());
		model.addAttribute("lang", locale.getLanguage());
		return htmx != null ? "casework/fragments/results :: results" : "casework/list";
	}

	/** Paging links; number counts from 0. */
	record Pager(int number, boolean hasPrevious, boolean hasNext, String previousUrl, String nextUrl) {
	}
}
