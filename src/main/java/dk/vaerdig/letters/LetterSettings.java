package dk.vaerdig.letters;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param languageTool whether to check spelling and grammar with LanguageTool's Danish module (warmed in the
 * background at start-up; until it is warm, analyses come without spelling)
 * @param spellingMaxChars at most this many characters of a text are spell-checked
 * @param spellingTimeout a spelling check that takes longer is given up (the rest of the analysis still comes)
 * @param spellingInstances how many LanguageTool instances to keep (each ~25 MB; one check at a time each)
 * @param auditThreads threads of the batch audit (bounded executor)
 * @param auditMaxFiles most files in one batch
 * @param auditMaxFileBytes largest file in a batch
 * @param auditKeepJobs how many finished batch reports to keep in memory
 * @param channel the name of the {@link DeliveryChannel} that delivers letters: {@code outbox} (development: stored
 * to read in the app) unless a production channel such as Digital Post is configured
 * @param api the analyser's HTTP API for other systems and LanguageTool's add-ons ({@code /v2/check},
 * {@code /api/letters/analysis})
 */
@ConfigurationProperties("vaerdig.letters")
public record LetterSettings(@DefaultValue("true") boolean languageTool, @DefaultValue("20000") int spellingMaxChars,
		@DefaultValue("3s") Duration spellingTimeout, @DefaultValue("2") int spellingInstances,
		@DefaultValue("1") int auditThreads, @DefaultValue("20000") int auditMaxFiles,
		@DefaultValue("5242880") long auditMaxFileBytes, @DefaultValue("10") int auditKeepJobs,
		@DefaultValue("outbox") String channel, @DefaultValue Api api) {

	@ConstructorBinding
	public LetterSettings {
	}

	/** The settings with the API's defaults (for tests and benchmarks that build them by hand). */
	public LetterSettings(boolean languageTool, int spellingMaxChars, Duration spellingTimeout, int spellingInstances,
			int auditThreads, int auditMaxFiles, long auditMaxFileBytes, int auditKeepJobs, String channel) {
		this(languageTool, spellingMaxChars, spellingTimeout, spellingInstances, auditThreads, auditMaxFiles,
				auditMaxFileBytes, auditKeepJobs, channel, new Api(600, 120, 50_000, 1_048_576, List.of("*"), true));
	}

	/**
	 * @param tokenRequestsPerMinute requests a minute per API token (one token serves a municipality's writers)
	 * @param sessionRequestsPerMinute requests a minute per signed-in member of staff
	 * @param maxChars most characters of text (after markup is removed) in one request; more is refused with 413
	 * @param maxBodyBytes largest request body; more is refused with 413 before it is read
	 * @param corsOrigins the origins a browser may call the API from with a token (never with a session cookie);
	 * {@code *} for any, as LanguageTool's add-ons call from extension and add-in origins
	 * @param spelling whether {@code /v2/check} adds LanguageTool's Danish spelling and grammar to the findings
	 */
	public record Api(@DefaultValue("600") int tokenRequestsPerMinute, @DefaultValue("120") int sessionRequestsPerMinute,
			@DefaultValue("50000") int maxChars, @DefaultValue("1048576") long maxBodyBytes,
			@DefaultValue("*") List<String> corsOrigins, @DefaultValue("true") boolean spelling) {
	}
}
