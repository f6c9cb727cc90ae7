package main

import (
	"encoding/json"
	"fmt"
	"os"

	"gopkg.in/yaml.v3"
)

type Config struct {
	Context  string              `yaml:"context"`
	Contexts map[string]*Context `yaml:"contexts"`
}

type Context struct {
	DeprecatedTarget string   `yaml:"target,omitempty"`
	Endpoints        []string `yaml:"endpoints"`
	Nodes            []string `yaml:"nodes,omitempty"`
	CA               string   `yaml:"ca,omitempty"`
	Crt              string   `yaml:"crt,omitempty"`
	Key              string   `yaml:"key,omitempty"`
	Auth             Auth     `yaml:"auth,omitempty"`
	Cluster          string   `yaml:"cluster,omitempty"`
	ProxyURL         string   `yaml:"proxy-url,omitempty"`
}

type Auth struct {
	Basic    *Basic    `yaml:"basic,omitempty"`
	SideroV1 *SideroV1 `yaml:"siderov1,omitempty"`
}
type Basic struct {
	Username string `yaml:"username"`
	Password string `yaml:"password"`
}
type SideroV1 struct {
	Identity string `yaml:"identity"`
}

func main() {
	var in []Config
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out := make([]string, len(in))
	for i, c := range in {
		if c.Contexts == nil {
			c.Contexts = map[string]*Context{}
		}
		b, err := yaml.Marshal(&c)
		if err != nil {
			out[i] = "ERROR: " + err.Error()
			continue
		}
		out[i] = string(b)
	}
	json.NewEncoder(os.Stdout).Encode(out)
}
