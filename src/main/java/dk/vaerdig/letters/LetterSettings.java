package dk.vaerdig.letters;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
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
 */
@ConfigurationProperties("vaerdig.letters")
public record LetterSettings(@DefaultValue("true") boolean languageTool, @DefaultValue("20000") int spellingMaxChars,
		@DefaultValue("3s") Duration spellingTimeout, @DefaultValue("2") int spellingInstances,
		@DefaultValue("1") int auditThreads, @DefaultValue("20000") int auditMaxFiles,
		@DefaultValue("5242880") long auditMaxFileBytes, @DefaultValue("10") int auditKeepJobs,
		@DefaultValue("outbox") String channel) {
}
