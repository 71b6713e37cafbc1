package org.gtlens.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The derived quantities of a reference folder (rollout, head scores, lens statistics, top-k), computed by
 * models/derived.py with numpy from PyTorch's tensors: float32 and int32 arrays by name, C order.
 */
public record Derived(Map<String, float[]> floats, Map<String, int[]> ints, Map<String, int[]> shapes,
        JsonObject json) {

    public static Derived load(Path folder) throws IOException {
        return load(folder, "derived.json");
    }

    /** Reads any manifest of this shape (derived.json, groups.json's entries, mixed.json). */
    public static Derived load(Path folder, String manifestName) throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(folder.resolve(manifestName))).getAsJsonObject();
        Map<String, float[]> floats = new LinkedHashMap<>();
        Map<String, int[]> ints = new LinkedHashMap<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        readTensors(folder, json.getAsJsonObject("tensors"), "", floats, ints, shapes);
        return new Derived(floats, ints, shapes, json);
    }

    /** Reads every {file, shape, dtype} entry below {@code tensors}, nested names joined with '/'. */
    public static void readTensors(Path folder, JsonObject tensors, String prefix, Map<String, float[]> floats,
            Map<String, int[]> ints, Map<String, int[]> shapes) throws IOException {
        for (Map.Entry<String, JsonElement> e : tensors.entrySet()) {
            JsonObject t = e.getValue().getAsJsonObject();
            String name = prefix + e.getKey();
            if (!t.has("file")) {
                readTensors(folder, t, name + "/", floats, ints, shapes);
                continue;
            }
            JsonArray s = t.getAsJsonArray("shape");
            int[] shape = new int[s.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = s.get(i).getAsInt();
            }
            shapes.put(name, shape);
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(folder.resolve(t.get("file").getAsString())))
                    .order(ByteOrder.LITTLE_ENDIAN);
            String dtype = t.has("dtype") ? t.get("dtype").getAsString() : "float32";
            if (dtype.equals("int32")) {
                int[] v = new int[bytes.remaining() / 4];
                bytes.asIntBuffer().get(v);
                ints.put(name, v);
            } else {
                float[] v = new float[bytes.remaining() / 4];
                bytes.asFloatBuffer().get(v);
                floats.put(name, v);
            }
        }
    }
}
