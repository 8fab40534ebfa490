package dev.tangram.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Tangram server: REST API, security and embedded defaults around the engine. */
@SpringBootApplication
public class TangramApplication {

  public static void main(String[] args) {
    SpringApplication.run(TangramApplication.class, args);
  }
}
