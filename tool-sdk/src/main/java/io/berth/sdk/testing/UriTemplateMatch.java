package io.berth.sdk.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches a URI against a resource template as Berth does: each {@code {variable}} matches one or more characters
 * other than {@code /}, {@code ?} and {@code #}.
 */
final class UriTemplateMatch {

    private static final Pattern EXPRESSION = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private UriTemplateMatch() {
    }

    static Optional<Map<String, String>> match(String template, String uri) {
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/?#]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        Matcher match = Pattern.compile(regex.toString()).matcher(uri);
        if (!match.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), match.group(i + 1));
        }
        return Optional.of(values);
    }
}
