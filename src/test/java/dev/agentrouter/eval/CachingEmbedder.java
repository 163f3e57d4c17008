package dev.agentrouter.eval;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.agentrouter.semantic.Embedder;

/**
 * Evaluation only: remembers every text's vector, in memory and in {@code target/embedding-cache/<model>.bin}, so the
 * harness embeds the evaluation data once across runs and protocols. Routing latency is measured elsewhere, with a
 * fresh model.
 */
final class CachingEmbedder implements Embedder {

    private final Embedder model;
    private final Path file;
    private final Map<String, float[]> vectors = new HashMap<>();

    CachingEmbedder(Embedder model, Path directory) {
        this.model = model;
        this.file = directory.resolve(model.id().replaceAll("[^A-Za-z0-9.-]", "_") + ".bin");
        load();
    }

    @Override
    public String id() {
        return model.id();
    }

    @Override
    public float[][] embed(List<String> texts) {
        float[][] out = new float[texts.size()][];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            out[i] = vectors.get(key(texts.get(i)));
            if (out[i] == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<String> todo = missing.stream().map(texts::get).toList();
            float[][] fresh = model.embed(todo);
            try {
                Files.createDirectories(file.getParent());
                try (DataOutputStream w = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(
                        file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
                    for (int j = 0; j < fresh.length; j++) {
                        String key = key(todo.get(j));
                        vectors.put(key, fresh[j]);
                        out[missing.get(j)] = fresh[j];
                        w.writeUTF(key);
                        w.writeInt(fresh[j].length);
                        for (float f : fresh[j]) {
                            w.writeFloat(f);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * Reads every complete record. A run killed while appending leaves a torn last record; the file is cut back to the
     * last complete one, since the next run appends after it and would otherwise leave the torn bytes mid-file.
     */
    private void load() {
        if (!Files.exists(file)) {
            return;
        }
        long complete = 0;
        try (DataInputStream r = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            while (true) {
                String key = r.readUTF();
                float[] v = new float[r.readInt()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = r.readFloat();
                }
                vectors.put(key, v);
                complete += 2 + key.length() + 4 + 4L * v.length; // keys are ASCII hex: one byte per char
            }
        } catch (EOFException end) {
            truncate(complete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void truncate(long length) {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                StandardOpenOption.WRITE)) {
            if (channel.size() > length) {
                channel.truncate(length);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
