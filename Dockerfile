# Tandem's container image: `docker build -t ghcr.io/tandem-dev/tandem:0.1.0 .`
# Stage 1 builds the command line's thin jar and its lib/ with the pinned Maven wrapper; stage 2 is
# a distroless Java 17 runtime: no shell, no package manager, user 65532 (nonroot). The layout it
# copies (cli/target/tandem-cli.jar + cli/target/lib/) is what `./mvnw -pl cli -am package`
# produces on any machine, and a test starts the service from exactly that layout.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -pl cli -am package -DskipTests -Dspotless.check.skip=true

FROM gcr.io/distroless/java17-debian12:nonroot
WORKDIR /app
COPY --from=build /src/cli/target/lib/ /app/lib/
COPY --from=build /src/cli/target/tandem-cli.jar /app/tandem-cli.jar
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/tandem-cli.jar"]
CMD ["serve", "--policies", "/etc/tandem/policies"]
