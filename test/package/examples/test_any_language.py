"""Any language: the two bins over HTTP, driven with Python's standard library only."""
import json
import os
import signal
import socket
import subprocess
import time
import unittest
import urllib.error
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(*command):
    """Starts an npx command in its own process group (npx, node and workerd stop together)."""
    return subprocess.Popen(["npx", *command], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=15)
    process.stdout.close()


def call(method, url, body=None, token=None):
    """One HTTP call; answers (status, headers, JSON body)."""
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, error.headers, json.load(error)


def wait_until_up(url, process, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise AssertionError("exited early:\n" + process.stdout.read().decode())
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.25)
    raise AssertionError(url + " not up")


class GatewayDev(unittest.TestCase):
    """npx ecs-gateway-dev: the REST gateway wired to the emulator, token dev-token."""

    def setUp(self):
        self.port, emulator_port = free_port(), free_port()
        self.gateway = start("ecs-gateway-dev", "--port", str(self.port), "--emulator-port", str(emulator_port),
                             "--durations", "restart_ecs=1")
        self.addCleanup(stop, self.gateway)
        self.base = "http://127.0.0.1:%d" % self.port
        wait_until_up(self.base + "/healthz", self.gateway)

    def test_restart_an_instance_and_poll_its_event(self):
        status, _, instances = call("GET", self.base + "/v1/instances", token="dev-token")
        self.assertEqual(status, 200)
        self.assertIn("ins-demand-cpu-ssd", [i["EcsId"] for i in instances["EcsList"]])

        status, headers, accepted = call("POST", self.base + "/v1/instances/operate", token="dev-token",
                                         body={"EcsIds": ["ins-demand-cpu-ssd"], "OpType": "restart_ecs"})
        self.assertEqual(status, 202)
        self.assertEqual(headers["Location"], "/v1/events/" + accepted["EventId"])

        deadline = time.time() + 15
        while True:
            _, _, event = call("GET", self.base + headers["Location"], token="dev-token")
            if event["EventStatus"] != "doing" or time.time() > deadline:
                break
            time.sleep(0.2)
        self.assertEqual(event["EventStatus"], "success")

    def test_bad_input_is_a_problem_answer(self):
        status, headers, problem = call("POST", self.base + "/v1/instances/operate", token="dev-token",
                                        body={"EcsIds": [], "OpType": "reboot"})
        self.assertEqual(status, 400)
        self.assertEqual(headers["Content-Type"], "application/problem+json")
        self.assertEqual(problem["code"], "ValidationFailed")


class Emulator(unittest.TestCase):
    """npx ecs-emulator: the ECS wire API and its control API, for your own signed client."""

    def setUp(self):
        port = free_port()
        self.emulator = start("ecs-emulator", "--port", str(port), "--clock", "manual")
        self.addCleanup(stop, self.emulator)
        self.control = "http://127.0.0.1:%d/_emulator" % port
        wait_until_up(self.control + "/health", self.emulator)

    def test_control_api(self):
        status, _, created = call("POST", self.control + "/instances", body={"Status": "shutdown"})
        self.assertEqual(status, 201)
        _, _, state = call("GET", self.control + "/state")
        statuses = {i["EcsId"]: i["Status"] for i in state["Accounts"][0]["Instances"]}
        self.assertEqual(statuses[created["EcsIds"][0]], "shutdown")
        _, _, health = call("GET", self.control + "/health")
        self.assertEqual(health["Clock"]["Mode"], "manual")


if __name__ == "__main__":
    unittest.main()
