package dk.vaerdig.access;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The candidates a web handler marked {@link ReadsPersonalData} shows, when they are found while handling (the
 * candidate of a letter or a complaint, the rows of a list): the handler reports them here, and they are recorded in
 * the audit log once the handler has returned a page or file: one entry naming them all ({@link AuditLog#appendAll}),
 * which each candidate's own log and the audit search find as theirs. A handler that shows nobody reports an empty
 * list.
 */
@Component
public class PersonalDataReads {

	static final String SHOWN = PersonalDataReads.class.getName() + ".shown";

	static final String DETAIL = PersonalDataReads.class.getName() + ".detail";

	static final String RECORDED = PersonalDataReads.class.getName() + ".recorded";

	/** Reports one candidate shown by the current request. */
	public void shown(long candidateId) {
		shownSet().add(candidateId);
	}

	/** Reports the candidates shown by the current request (none is fine: the list was empty). */
	public void shown(Collection<Long> candidateIds) {
		shownSet().addAll(candidateIds);
	}

	/** As {@link #shown(Collection)}, with the detail the entries get instead of the request's path. */
	public void shown(Collection<Long> candidateIds, String detail) {
		shown(candidateIds);
		RequestContextHolder.currentRequestAttributes().setAttribute(DETAIL, detail, RequestAttributes.SCOPE_REQUEST);
	}

	@SuppressWarnings("unchecked")
	private static Set<Long> shownSet() {
		RequestAttributes request = RequestContextHolder.currentRequestAttributes();
		Set<Long> shown = (Set<Long>) request.getAttribute(SHOWN, RequestAttributes.SCOPE_REQUEST);
		if (shown == null) {
			shown = new LinkedHashSet<>();
			request.setAttribute(SHOWN, shown, RequestAttributes.SCOPE_REQUEST);
		}
		return shown;
	}

	/** Notes that the current request (if any) has recorded the candidate, so the handler's marker does not again. */
	@SuppressWarnings("unchecked")
	static void recorded(Long candidateId) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null || candidateId == null) {
			return;
		}
		Set<Long> recorded = (Set<Long>) request.getAttribute(RECORDED, RequestAttributes.SCOPE_REQUEST);
		if (recorded == null) {
			recorded = new HashSet<>();
			request.setAttribute(RECORDED, recorded, RequestAttributes.SCOPE_REQUEST);
		}
		recorded.add(candidateId);
	}
}
