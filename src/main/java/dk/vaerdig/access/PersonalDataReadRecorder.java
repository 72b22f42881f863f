package dk.vaerdig.access;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records the reads of handlers marked {@link ReadsPersonalData}: after a handler returned normally with something to
 * show (not a redirect), the candidates shown that the request has not recorded yet, in one audit entry (one statement).
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataReadRecorder implements HandlerInterceptor, WebMvcConfigurer {

	private final AuditLog audit;

	private final Map<Method, Optional<ReadsPersonalData>> markers = new ConcurrentHashMap<>();

	PersonalDataReadRecorder(AuditLog audit) {
		this.audit = audit;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	@SuppressWarnings("unchecked")
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView mav) {
		if (!(handler instanceof HandlerMethod method)) {
			return;
		}
		ReadsPersonalData marker = markers
			.computeIfAbsent(method.getMethod(),
					m -> Optional.ofNullable(AnnotatedElementUtils.findMergedAnnotation(m, ReadsPersonalData.class)))
			.orElse(null);
		if (marker == null || (mav != null && mav.getViewName() != null && mav.getViewName().startsWith("redirect:"))) {
			return;
		}
		Set<Long> shown = (Set<Long>) request.getAttribute(PersonalDataReads.SHOWN);
		List<Long> candidates = new ArrayList<>();
		if (!marker.candidate().isEmpty()) {
			Long id = candidateFrom(request, marker.candidate());
			if (id != null) {
				candidates.add(id);
			}
		}
		else if (shown == null) {
			throw new IllegalStateException(method.getShortLogMessage()
					+ " is marked @ReadsPersonalData without a candidate variable but reported no candidates shown");
		}
		if (shown != null) {
			shown.stream().filter(id -> !candidates.contains(id)).forEach(candidates::add);
		}
		Set<Long> recorded = (Set<Long>) request.getAttribute(PersonalDataReads.RECORDED);
		if (recorded != null) {
			candidates.removeAll(recorded);
		}
		if (candidates.isEmpty()) {
			return;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		String detail = (String) request.getAttribute(PersonalDataReads.DETAIL);
		audit.appendAll(auth == null ? "anonymous" : auth.getName(), candidates, marker.value(),
				detail != null ? detail : request.getRequestURI());
	}

	private static Long candidateFrom(HttpServletRequest request, String name) {
		Map<String, String> variables = (Map<String, String>) request
			.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String value = variables != null && variables.containsKey(name) ? variables.get(name) : request.getParameter(name);
		try {
			return value == null ? null : Long.valueOf(value.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
