package dev.agentrouter.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The official OpenAI Java SDK, pointed at agent-router by changing only its base URL. */
@QuarkusTest
@QuarkusTestResource(StubUpstream.class)
class OpenAiSdkClientTest {

    @TestHTTPResource("/v1")
    URL baseUrl;

    private OpenAIClient client() {
        return OpenAIOkHttpClient.builder().baseUrl(baseUrl.toString()).apiKey("any-key").maxRetries(0).build();
    }

    private static ChatCompletionCreateParams params(String prompt) {
        return ChatCompletionCreateParams.builder().model("auto").addUserMessage(prompt).build();
    }

    @Test
    void plainCompletion() {
        ChatCompletion completion = client().chat().completions()
                .create(params("My PostgreSQL queries are slow and I need to optimize the database indexes"));
        assertEquals("Hello from stub-sonnet", completion.choices().get(0).message().content().orElseThrow());
    }

    @Test
    void streamedCompletion() {
        try (StreamResponse<ChatCompletionChunk> stream = client().chat().completions()
                .createStreaming(params("Build a responsive React component with accessible CSS layout"))) {
            String text = stream.stream()
                    .flatMap(chunk -> chunk.choices().stream())
                    .map(choice -> choice.delta().content().orElse(""))
                    .collect(Collectors.joining());
            assertEquals("Hello!", text);
        }
    }

    @Test
    void listsModels() {
        List<String> ids = client().models().list().data().stream().map(Model::id).toList();
        assertTrue(ids.contains("auto") && ids.contains("agent/backend-developer"), ids.toString());
    }
}
