package org.gtlens.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.gtlens.runtime.FloatTensor;

/**
 * PyTorch's own tensors for a set of sequences, as written by models/reference.py: a manifest.json naming the
 * model, the sequences and one little-endian float32 file per tensor.
 */
public record Reference(Path model, List<int[]> sequences, Map<String, FloatTensor> tensors, JsonObject config) {

    public static Reference load(Path folder) throws IOException {
        JsonObject manifest = JsonParser.parseString(Files.readString(folder.resolve("manifest.json")))
                .getAsJsonObject();
        Path model = folder.resolve(manifest.get("model").getAsString()).normalize();
        List<int[]> sequences = new ArrayList<>();
        for (JsonElement s : manifest.getAsJsonArray("sequences")) {
            JsonArray a = s.getAsJsonArray();
            int[] tokens = new int[a.size()];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = a.get(i).getAsInt();
            }
            sequences.add(tokens);
        }
        Map<String, FloatTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : manifest.getAsJsonObject("tensors").entrySet()) {
            JsonObject t = e.getValue().getAsJsonObject();
            JsonArray shapeJson = t.getAsJsonArray("shape");
            int[] shape = new int[shapeJson.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = shapeJson.get(i).getAsInt();
            }
            byte[] bytes = Files.readAllBytes(folder.resolve(t.get("file").getAsString()));
            float[] data = new float[bytes.length / 4];
            ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
            tensors.put(e.getKey(), new FloatTensor(data, shape));
        }
        JsonObject config = manifest.has("config") ? manifest.getAsJsonObject("config") : new JsonObject();
        return new Reference(model, sequences, tensors, config);
    }
}
