package dev.agentrouter.eval;

import java.io.DataOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.agentrouter.catalog.AgentDefinition;
import dev.agentrouter.catalog.AgentExample;
import dev.agentrouter.routing.LexicalIndex;
import dev.agentrouter.routing.LexicalSettings;
import dev.agentrouter.routing.Query;
import dev.agentrouter.routing.TextAnalyzer;
import dev.agentrouter.semantic.Embedder;
import dev.agentrouter.semantic.LocalModels;

/** Exploration only: dumps texts, vectors and lexical scores for offline analysis. */
public final class SemanticDump {
    public static void main(String[] args) throws IOException {
        args = java.util.Arrays.copyOfRange(args, 2, args.length);
        Path out = Path.of(args[0]);
        Files.createDirectories(out);
        EvalData data = new EvalData(EvalData.defaultRoot());
        Embedder emb = LocalModels.load(args[1]);
        List<AgentDefinition> volt = data.voltAgents();
        List<EvalData.LabelledQuery> vq = data.voltQueries();
        List<AgentDefinition> bank = data.bankingAgents(10);
        List<EvalData.LabelledQuery> bq = data.bankingTest();
        // texts: kind \t owner \t text
        List<String[]> texts = new ArrayList<>();
        for (AgentDefinition a : volt) {
            texts.add(new String[]{"vdesc", a.name(), a.name().replace('-', ' ') + ": " + a.description()});
            for (String sec : sections(a.systemPrompt())) texts.add(new String[]{"vsec", a.name(), sec});
            texts.add(new String[]{"vbody", a.name(), a.systemPrompt()});
            int i = 0;
            for (AgentExample e : a.examples()) texts.add(new String[]{"vex" + (i++), a.name(), e.userPrompt()});
        }
        for (EvalData.LabelledQuery q : vq) texts.add(new String[]{"vq" + q.exampleIndex(), q.agent(), q.text()});
        for (AgentDefinition a : bank) {
            texts.add(new String[]{"bdesc", a.name(), a.description()});
            for (AgentExample e : a.examples()) texts.add(new String[]{"bex", a.name(), e.userPrompt()});
        }
        for (EvalData.LabelledQuery q : bq) texts.add(new String[]{"bq", q.agent(), q.text()});
        if (args.length > 2 && args[2].equals("lines")) {
            texts.clear();
            for (AgentDefinition a : volt) {
                for (String line : a.systemPrompt().split("\n")) {
                    String l = line.strip().replaceFirst("^[-*#0-9.]+\\s*", "");
                    if (l.split("\\s+").length >= 2) texts.add(new String[]{"vline", a.name(), l});
                }
            }
            out = out.resolve("lines");
            Files.createDirectories(out);
        } else if (args.length > 2) {
            String prefix = args[2];
            texts.removeIf(t -> !t[0].startsWith("vq") && !t[0].equals("bq"));
            texts.replaceAll(t -> new String[]{t[0], t[1], prefix + t[2]});
            out = out.resolve("prefixed");
            Files.createDirectories(out);
        }
        long t0 = System.nanoTime();
        try (DataOutputStream vec = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out.resolve("vec.bin"))));
             PrintWriter idx = new PrintWriter(Files.newBufferedWriter(out.resolve("texts.tsv")))) {
            int batch = 16;
            for (int i = 0; i < texts.size(); i += batch) {
                List<String> b = new ArrayList<>();
                for (int j = i; j < Math.min(texts.size(), i + batch); j++) b.add(texts.get(j)[2]);
                float[][] v = emb.embed(b);
                for (int j = 0; j < v.length; j++) {
                    String[] t = texts.get(i + j);
                    idx.println(t[0] + "\t" + t[1] + "\t" + t[2].replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
                    for (float f : v[j]) vec.writeFloat(f);
                }
            }
        }
        System.out.printf("embedded %d texts in %.1f s%n", texts.size(), (System.nanoTime() - t0) / 1e9);
        if (args.length > 2) return;
        // lexical: normalised scores per query per agent
        TextAnalyzer an = new TextAnalyzer();
        lex(out.resolve("lex_vzs.tsv"), LexicalIndex.build(EvalData.zeroShot(volt), an, LexicalSettings.defaults()), vq);
        for (int r = 0; r < 3; r++) {
            int rr = r;
            lex(out.resolve("lex_vloo" + r + ".tsv"), LexicalIndex.build(EvalData.leaveOneOut(volt, r), an, LexicalSettings.defaults()),
                    vq.stream().filter(q -> q.exampleIndex() == rr).toList());
        }
        lex(out.resolve("lex_bank.tsv"), LexicalIndex.build(bank, an, LexicalSettings.defaults()), bq);
        lex(out.resolve("lex_off.tsv"), LexicalIndex.build(EvalData.zeroShot(volt), an, LexicalSettings.defaults()), bq);
    }

    static void lex(Path file, LexicalIndex index, List<EvalData.LabelledQuery> qs) throws IOException {
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            StringBuilder h = new StringBuilder("query\tlabel");
            for (AgentDefinition a : index.agents()) h.append('\t').append(a.name());
            w.println(h);
            for (EvalData.LabelledQuery q : qs) {
                LexicalIndex.IndexedQuery iq = index.resolve(index.analyze(Query.of(q.text())));
                double[] s = iq.isEmpty() ? new double[index.size()] : index.score(iq);
                double scale = iq.isEmpty() ? 1 : index.scoreScale(iq);
                StringBuilder b = new StringBuilder(q.text().replace('\t', ' ')).append('\t').append(q.agent());
                for (double x : s) b.append('\t').append(String.format("%.5f", x / scale));
                w.println(b);
            }
        }
    }

    static List<String> sections(String body) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String para : body.split("\\n\\s*\\n")) {
            String p = para.strip();
            if (p.isEmpty()) continue;
            if (cur.length() > 0 && cur.length() + p.length() > 600) {
                out.add(cur.toString());
                cur.setLength(0);
            }
            if (cur.length() > 0) cur.append("\n\n");
            cur.append(p);
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }
}
