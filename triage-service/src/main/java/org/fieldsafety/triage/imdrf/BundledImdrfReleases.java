package org.fieldsafety.triage.imdrf;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Loads the IMDRF releases the project ships ({@code imdrf/releases} on the class path names them; each is
 * a folder with {@code release.properties} and one {@code annex-<letter>.csv} per annex it has) through
 * the same importer as an uploaded file, at start and only once: an annex already loaded stays as it is.
 */
@ApplicationScoped
class BundledImdrfReleases {

    static final String LOADED_BY = "bundled";
    private static final Logger LOG = Logger.getLogger(BundledImdrfReleases.class);

    void load(@Observes StartupEvent started, ImdrfTerminology terminology) throws Throwable {
        for (String release : text("imdrf/releases")
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList()) {
            Properties about = new Properties();
            about.load(new StringReader(text("imdrf/" + release + "/release.properties")));
            String date = about.getProperty("published", "").strip();
            LocalDate published = date.isEmpty() ? null : LocalDate.parse(date);
            for (ImdrfAnnex annex : ImdrfAnnex.values()) {
                String file = "imdrf/" + release + "/annex-" + annex.name().toLowerCase(Locale.ROOT) + ".csv";
                if (resource(file) == null) {
                    continue;
                }
                List<ImdrfCode> codes = ImdrfReleaseFile.parse(annex, release, text(file));
                ImdrfAnnexRelease loaded = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                        terminology.load(annex, release, published, about.getProperty("source"), codes, LOADED_BY)));
                if (loaded != null) {
                    LOG.infof("IMDRF annex %s release %s loaded: %d terms", annex, release, codes.size());
                }
            }
        }
    }

    private static InputStream resource(String name) {
        return BundledImdrfReleases.class.getClassLoader().getResourceAsStream(name);
    }

    private static String text(String name) {
        try (InputStream in = resource(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
